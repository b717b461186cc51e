import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js");

const manifest = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");

describe("webpack configuration", () => {
  test("production manifests point every URL and the AppDomain at the production origin", () => {
    const prod = config.manifestFor(manifest, false) as string;
    expect(prod).not.toContain("localhost");
    expect(prod).toContain("<AppDomain>https://zs-scorer.example.org</AppDomain>");
    expect(prod).toContain('DefaultValue="https://zs-scorer.example.org/taskpane.html"');
    expect(config.manifestFor(manifest, true)).toBe(manifest);
  });

  test("the dev server explains what to do when the certificates are missing", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "zs-certs-"));
    expect(() => config.devCertificate(empty)).toThrow(/npx office-addin-dev-certs install/);
  });

  test("the dev server reads the certificate files office-addin-dev-certs writes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-certs-"));
    for (const f of ["ca.crt", "localhost.crt", "localhost.key"])
      fs.writeFileSync(path.join(dir, f), `${f} bytes`);
    const cert = config.devCertificate(dir);
    expect(cert.key.toString()).toBe("localhost.key bytes");
    expect(cert.cert.toString()).toBe("localhost.crt bytes");
    expect(cert.ca.toString()).toBe("ca.crt bytes");
  });

  test("--env transpileOnly skips ts-loader's type check in the page and functions builds, and only then", () => {
    const loaders = (env: object) =>
      (
        config(env, { mode: "production" }) as {
          module: { rules: { use?: { options?: { transpileOnly?: boolean } } }[] };
        }[]
      ).map((b) => b.module.rules.find((r) => r.use?.options)?.use?.options?.transpileOnly);
    expect(loaders({})).toEqual([false, false, false]);
    expect(loaders({ transpileOnly: true })).toEqual([true, true, true]);
  });

  test("the three builds are the add-in pages, the functions bundle and the CLI", () => {
    const builds = config({}, { mode: "production" }) as { name: string; target?: unknown }[];
    expect(builds.map((b) => b.name)).toEqual(["addin", "functions", "cli"]);
    expect(builds.find((b) => b.name === "cli")?.target).toBe("node20");
  });
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const officeJs = require("../../scripts/office-js.js");

describe("office.js source", () => {
  test("Microsoft's CDN by default; the pages' CSP allows its origin for scripts and nothing else", () => {
    const option = officeJs.officeJsOption(undefined);
    expect(option.officeJs).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(option.runtime).toBe(
      "https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js"
    );
    const csp = officeJs.contentSecurityPolicy(option) as string;
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp.match(/https:/g)).toHaveLength(1);
  });

  test("the 21Vianet CDN and the self-hosted copy are build options; an unknown one is refused", () => {
    expect(officeJs.officeJsOption("cdn-21vianet").officeJs).toBe(
      "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js"
    );
    const self = officeJs.officeJsOption("self-hosted");
    expect(officeJs.contentSecurityPolicy(self)).toContain("script-src 'self';");
    expect(() => officeJs.officeJsOption("npm")).toThrow(
      /ZS_OFFICE_JS=npm.*cdn, cdn-21vianet, self-hosted/
    );
  });

  test("the <style> fallback's hash is the pane stylesheet's, in the pane CSP", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-css-"));
    fs.writeFileSync(path.join(dir, "a.css"), "a{}");
    // `printf 'a{}' | openssl dgst -sha256 -binary | base64`
    expect(config.styleHash(path.join(dir, "a.css"))).toBe(
      "'sha256-X1RutGBrXCt9KkSaXMK7tHftWiRscFHOhxsS8tv8hBk='"
    );
  });
});

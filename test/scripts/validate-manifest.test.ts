import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest, pngSize } = require("../../scripts/validate-manifest.js");

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const assetsDir = path.join(root, "assets");

async function check(xml: string, dir = assetsDir): Promise<string[]> {
  return checkManifest(xml, { origin: "https://localhost:3000", assetsDir: dir });
}

describe("manifest checks", () => {
  test("the real manifest passes", async () => {
    expect(await check(manifest)).toEqual([]);
  });

  test("icons have the pixel sizes their names say", () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(fs.readFileSync(path.join(assetsDir, `icon-${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
    }
  });

  test("a resid used but not defined is named", async () => {
    const bad = manifest.replace(
      'resid="TaskpaneButton.Tooltip"',
      'resid="TaskpaneButton.Missing"'
    );
    const problems = await check(bad);
    expect(problems.join("\n")).toMatch(/resid "TaskpaneButton\.Missing".*not defined/);
  });

  test("an http URL is refused", async () => {
    const bad = manifest.replace(
      "https://localhost:3000/taskpane.html",
      "http://localhost:3000/taskpane.html"
    );
    expect((await check(bad)).join("\n")).toMatch(
      /not https.*http:\/\/localhost:3000\/taskpane\.html/
    );
  });

  test("a URL off our origin is refused", async () => {
    const bad = manifest.replace(
      "https://localhost:3000/help.html",
      "https://evil.example.com/help.html"
    );
    expect((await check(bad)).join("\n")).toMatch(/not on our origin.*evil\.example\.com/);
  });

  test("a wrong-size icon is named with its size", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-icons-"));
    for (const f of fs.readdirSync(assetsDir))
      fs.copyFileSync(path.join(assetsDir, f), path.join(dir, f));
    fs.copyFileSync(path.join(assetsDir, "icon-32.png"), path.join(dir, "icon-16.png"));
    const problems = (await check(manifest, dir)).join("\n");
    expect(problems).toMatch(/wrong size.*icon-16\.png is 32×32, expected 16×16/);
  });

  test("a bad id, version and namespace are each named", async () => {
    const bad = manifest
      .replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>")
      .replace(/<Version>[^<]+<\/Version>/, "<Version>1.0.0.0.0</Version>")
      .replace(
        'id="Functions.Namespace" DefaultValue="ZS"',
        'id="Functions.Namespace" DefaultValue="XX"'
      );
    const problems = (await check(bad)).join("\n");
    expect(problems).toMatch(/Id is not a GUID/);
    expect(problems).toMatch(/Version is not/);
    expect(problems).toMatch(/namespace should be "ZS"/);
  });

  test("function ids must agree with the localized metadata", async () => {
    const problems = await checkManifest(manifest, {
      origin: "https://localhost:3000",
      assetsDir,
      functions: { ids: ["AMOUNT", "SCORE"], localizedIds: ["AMOUNT"] },
    });
    expect(problems.join("\n")).toMatch(/localized function ids differ/);
  });

  test("the command line fails with the problem named", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-manifest-"));
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(
      file,
      manifest.replace(
        "https://localhost:3000/commands.html",
        "http://localhost:3000/commands.html"
      )
    );
    let output = "";
    let status = 0;
    try {
      execFileSync(
        process.execPath,
        [path.join(root, "scripts/validate-manifest.js"), file, "--assets", assetsDir],
        {
          encoding: "utf8",
          stdio: "pipe",
        }
      );
    } catch (e) {
      const err = e as { status: number; stderr: string; stdout: string };
      status = err.status;
      output = err.stderr + err.stdout;
    }
    expect(status).toBe(1);
    expect(output).toMatch(/not https.*commands\.html/);
  });
});

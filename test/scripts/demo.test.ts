import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";

const root = path.resolve(__dirname, "../..");

// The README's two promises: `npm run demo` does the main job on the bundled sample, `npm test` runs the tests.
describe("README quick start", () => {
  test("npm run demo scores the bundled sample and says where the result went", () => {
    const run = spawnSync(process.execPath, [path.join(root, "scripts/demo.js")], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.stderr).not.toMatch(/Error|错误/);
    expect(run.status).toBe(0);
    // The ranked table names the article's projects; the Nidec plant ranks above the figure-less 明湖 platform.
    const nidec = run.stdout.indexOf("尼得科");
    const minghu = run.stdout.indexOf("明湖国际科创岛");
    expect(nidec).toBeGreaterThan(0);
    expect(minghu).toBeGreaterThan(nidec);
    const out = /Open the result: (.+\.xlsx)/.exec(run.stdout)?.[1];
    expect(out && fs.statSync(out).size).toBeGreaterThan(10000);
  });

  test("the README's commands are the ones package.json and CI run", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    const quickStart = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(quickStart).toMatch(/^npm install\b/m);
    expect(quickStart).toMatch(/^npm run demo\b/m);
    expect(quickStart).toMatch(/^npm test\b/m);
    expect(pkg.scripts.demo).toBe("node scripts/demo.js");
    expect(fs.readFileSync(path.join(root, ".ci/run"), "utf8")).toMatch(/^npm test$/m);
  });
});

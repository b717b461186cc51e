/* eslint-disable no-undef */
// `npm test`: makes sure the programs the tests drive are present (a browser for the task-pane tests,
// LibreOffice for the CLI's round-trip test), then runs jest and prints a closing count line.
// Nothing is skipped: where a program is missing and cannot be installed, it stops and says what to install.
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const BROWSERS = [
  process.env.CHROME_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/microsoft-edge",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
].filter(Boolean);

function onPath(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).stdout.trim() || null;
}

const findBrowser = () => BROWSERS.find((p) => fs.existsSync(p)) || null;
const findSoffice = () => process.env.SOFFICE_PATH || onPath("soffice") || onPath("libreoffice");
// Without a CJK font Chromium draws Chinese as boxes in the screenshots the browser tests save.
const hasCjkFont = () =>
  process.platform !== "linux" ||
  /wenquanyi|noto sans cjk|droid sans fallback/i.test(
    spawnSync("sh", ["-c", "fc-list 2>/dev/null"], { encoding: "utf8" }).stdout || ""
  );

const canApt = () =>
  process.platform === "linux" &&
  typeof process.getuid === "function" &&
  process.getuid() === 0 &&
  fs.existsSync("/etc/debian_version");

function aptInstall(packages) {
  console.log(
    `安装测试所需程序 / installing what the tests need: apt-get install -y ${packages.join(" ")}`
  );
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const install = spawnSync(
    "apt-get",
    ["install", "-y", "-qq", "--no-install-recommends", ...packages],
    { stdio: "inherit", env }
  );
  return update.status === 0 && install.status === 0;
}

let browser = findBrowser();
let soffice = findSoffice();
// pdftotext and pdfinfo read the summary's PDF from LibreOffice (charts drawn, pages counted).
const hasPoppler = () => onPath("pdftotext") !== null && onPath("pdfinfo") !== null;
const missing = [];
if (!browser) missing.push("chromium");
if (!hasCjkFont()) missing.push("fonts-wqy-microhei");
if (!soffice) missing.push("libreoffice-calc");
if (!hasPoppler()) missing.push("poppler-utils");
if (missing.length && canApt()) {
  aptInstall(missing);
  browser = findBrowser();
  soffice = findSoffice();
}
const problems = [];
if (!browser)
  problems.push(
    "找不到浏览器 / no browser found for the task-pane tests: install Debian's chromium (`sudo apt-get install -y chromium`) " +
      "or set CHROME_PATH to Chrome or Edge."
  );
if (!soffice)
  problems.push(
    "找不到 LibreOffice / soffice not found for the CLI round-trip test: `sudo apt-get install -y --no-install-recommends libreoffice-calc` " +
      "or set SOFFICE_PATH."
  );
if (!hasPoppler())
  problems.push(
    "找不到 pdftotext / pdftotext not found for the summary PDF test: `sudo apt-get install -y poppler-utils`."
  );
if (problems.length) {
  problems.forEach((p) => console.error(p));
  process.exit(1);
}

const resultsFile = path.join(require("os").tmpdir(), `zs-jest-${process.pid}.json`);
const jest = spawnSync(
  process.execPath,
  [
    require.resolve("jest/bin/jest"),
    "--maxWorkers=2",
    "--json",
    `--outputFile=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit", env: { ...process.env, CHROME_PATH: browser, SOFFICE_PATH: soffice } }
);
let summary = null;
try {
  summary = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
  fs.unlinkSync(resultsFile);
} catch {
  // jest died before writing results: its exit status says so below.
}
if (summary) {
  const failed = summary.numFailedTests + (summary.numRuntimeErrorTestSuites || 0);
  console.log(`tests: ${summary.numPassedTests} passed, ${failed} failed`);
}
process.exit(jest.status === null ? 1 : jest.status);

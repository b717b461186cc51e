/* eslint-disable no-undef */
// `npm start` / `npm stop`: sideload the add-in into Excel desktop where Office's tooling supports it.
// office-addin-debugging is not a dependency (it pulls keytar, whose native build breaks a fresh install
// on Linux, and ~450 MB), so it is fetched on demand where it can work.
const { spawnSync } = require("child_process");

const action = process.argv[2] === "stop" ? "stop" : "start";

if (process.platform !== "win32" && process.platform !== "darwin") {
  console.error(
    [
      `npm ${action}: 此平台无法运行 Excel 桌面版，未执行旁加载 / Excel desktop cannot run on ${process.platform}; nothing was sideloaded.`,
      "可选做法 / What you can do instead:",
      "  • npm run preview      在浏览器中试用任务窗格（内置示例或您自己的 .xlsx） / try the pane in a browser on the sample or your own .xlsx",
      "  • npm run demo         用命令行为示例工作簿评分 / score the bundled sample from the command line",
      "  • Excel 网页版 / Excel on the web: run `npm run dev-server`, then in Excel on the web choose",
      "    插入 > 加载项 > 上传我的加载项 / Insert > Add-ins > Upload My Add-in, and pick manifest.xml.",
    ].join("\n")
  );
  process.exit(1);
}

const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const args = ["--yes", "office-addin-debugging@6", action, "manifest.xml"];
if (action === "start") args.push("desktop", "--app", "excel");
const result = spawnSync(npx, args, { stdio: "inherit" });
process.exit(result.status === null ? 1 : result.status);

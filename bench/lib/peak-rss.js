/* eslint-disable no-undef */
// Preloaded (node -r) into a measured child process: on exit, writes its peak resident memory in
// bytes to the file named by ZS_BENCH_RSS.
const fs = require("fs");

process.on("exit", () => {
  if (process.env.ZS_BENCH_RSS) {
    fs.writeFileSync(process.env.ZS_BENCH_RSS, String(process.resourceUsage().maxRSS * 1024));
  }
});

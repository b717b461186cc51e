#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * `npm run preview`: serve dist/ over plain http on 127.0.0.1 so the task pane runs in any browser on
 * its preview host (the bundled sample workbook, or the user's own .xlsx opened in the page).
 * Builds first when dist/taskpane.html is missing or older than src/. Browser tests reuse
 * ensureBuilt() and startServer() so the build step lives in one place.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const SRC = path.join(ROOT, "src");
const LOCK = path.join(ROOT, ".preview-build.lock");
// webpack leaves unchanged outputs (taskpane.html) untouched, so freshness is kept in a stamp of our own.
const STAMP = path.join(DIST, ".preview-built");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json; charset=utf-8",
};

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!fs.existsSync(path.join(DIST, "taskpane.html")) || !fs.existsSync(STAMP)) return true;
  // The preview runs offline: dist/ must be the self-hosted office.js build, not `npm run build`'s CDN one.
  if (!/src="?office-js\/office\.js/.test(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8")))
    return true;
  const inputs = Math.max(
    newestMtime(SRC),
    fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs
  );
  return fs.statSync(STAMP).mtimeMs < inputs;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Build dist/ with webpack (production) unless it is up to date. Safe to call from parallel processes. */
function ensureBuilt({ log = console.log } = {}) {
  if (!needsBuild()) return;
  // One builder at a time; the others wait for its lock to go, then find dist fresh.
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      if (Date.now() - fs.statSync(LOCK).mtimeMs > 5 * 60 * 1000)
        fs.rmSync(LOCK, { recursive: true, force: true });
      sleep(500);
    }
  }
  try {
    if (!needsBuild()) return;
    log("Building dist/ (ZS_OFFICE_JS=self-hosted npx webpack --mode production --config-name addin) …");
    const started = new Date();
    execFileSync("npx", ["webpack", "--mode", "production", "--config-name", "addin"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ZS_OFFICE_JS: "self-hosted" },
    });
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
      throw new Error(
        "webpack finished but dist/taskpane.html is missing: check webpack.config.js"
      );
    }
    // Stamped with the build's start: sources edited during the build make the next call rebuild.
    fs.writeFileSync(STAMP, "");
    fs.utimesSync(STAMP, started, started);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Serve `root` on 127.0.0.1:`port` (0 = any free port). Resolves to { server, url }. */
function startServer({ root = DIST, port = 0 } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    if (pathname === "/") pathname = "/taskpane.html";
    const file = path.resolve(base, "." + pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://127.0.0.1:${actual}/taskpane.html` });
    });
  });
}

/** Flags for headless Debian Chromium on a machine with no network but loopback (shared by tests and bench). */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

module.exports = { ensureBuilt, startServer, newestMtime, CHROMIUM_ARGS, DIST };

if (require.main === module) {
  const port = Number(process.env.PORT || process.argv[2] || 3001);
  ensureBuilt();
  startServer({ port })
    .then(({ url }) => console.log(`ZS Scorer preview: ${url}  (Ctrl+C to stop)`))
    .catch((e) => {
      console.error(`Could not start the preview server on port ${port}: ${e.message}`);
      process.exit(1);
    });
}

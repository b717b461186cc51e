/* eslint-disable no-undef */
// Three builds: the add-in pages (task pane, ribbon commands), the custom-functions bundle (must load in a
// bare JavaScript runtime: no DOM), and the zs-score CLI for Node. Layout and script names follow
// Microsoft's "Excel custom functions" template.
const path = require("path");
const fs = require("fs");
const os = require("os");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const crypto = require("crypto");
const { NormalModuleReplacementPlugin } = require("webpack");
const { officeJsOption, contentSecurityPolicy, selfHostedPattern } = require("./scripts/office-js");

const devOrigin = "https://localhost:3000";
// Where the production build is hosted; every manifest URL and AppDomain is rewritten to it.
const prodOrigin = (process.env.ZS_PROD_ORIGIN || "https://zs-scorer.example.org").replace(
  /\/+$/,
  ""
);
const devServerPort = Number(process.env.npm_package_config_dev_server_port || 3000);

/** Manifest text for the target: development keeps localhost, production points every URL at prodOrigin. */
function manifestFor(content, dev) {
  return dev ? content : content.toString().split(devOrigin).join(prodOrigin);
}

/** CSP source of the pane's styles, for the <style> element used where constructed sheets are missing. */
function styleHash(file = path.join(__dirname, "src/taskpane/taskpane.css")) {
  const digest = crypto.createHash("sha256").update(fs.readFileSync(file, "utf8")).digest("base64");
  return `'sha256-${digest}'`;
}

/** The functions page (Excel on the web loads the functions there): the runtime, then our bundle. */
function functionsPage(officeJs) {
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" />' +
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(officeJs)}" />` +
    `<title>ZS functions</title><script src="${officeJs.runtime}"></script>` +
    '<script src="functions.js"></script></head><body></body></html>'
  );
}

function devCertificate(dir = path.join(os.homedir(), ".office-addin-dev-certs")) {
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const missing = Object.values(files).filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    throw new Error(
      `开发证书缺失 / Development certificates are missing in ${dir} (${missing.join(", ")}).\n` +
        "Run `npx office-addin-dev-certs install` once (as root it generates the files but cannot trust the CA: " +
        "trust ca.crt in your browser/OS yourself), then `npm run dev-server` again."
    );
  }
  const read = (f) => fs.readFileSync(path.join(dir, f));
  return { ca: read(files.ca), cert: read(files.cert), key: read(files.key) };
}

/**
 * TypeScript through ts-loader at a given language level. `transpileOnly` (--env transpileOnly) skips the
 * type check, for tests that build pages only to load them: `npm run build` and `npm run typecheck` check types.
 */
const tsRuleFor = (target, transpileOnly) => ({
  test: /\.ts$/,
  exclude: /node_modules/,
  // Each build type-checks only what it bundles, so one unfinished file elsewhere cannot block the others.
  use: {
    loader: "ts-loader",
    options: {
      configFile: "tsconfig.build.json",
      onlyCompileBundledFiles: true,
      transpileOnly,
      // lib follows target, so a newer built-in (Object.fromEntries, Array.prototype.flat) fails the build.
      ...(target
        ? {
            compilerOptions: {
              target,
              lib: [target],
              types: ["office-runtime", "custom-functions-runtime"],
            },
          }
        : {}),
    },
  },
});

module.exports = (env, argv) => {
  const transpileOnly = Boolean(env && env.transpileOnly);
  const tsRule = tsRuleFor(null, transpileOnly);
  const dev = argv.mode === "development";
  const serving = process.argv.some((a) => a === "serve");
  const officeJs = officeJsOption((env && env.officeJs) || process.env.ZS_OFFICE_JS);
  const pageOptions = {
    officeJs: officeJs.officeJs,
    csp: contentSecurityPolicy(officeJs, { styleHashes: [styleHash()] }),
  };

  const addin = {
    name: "addin",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: false },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        tsRule,
        // Engine and workbook modules are pure: a module reached only through a barrel re-export whose
        // exports the pane does not use is left out (and can go to a lazy chunk instead).
        { test: /[\\/]src[\\/](engine|workbook)[\\/]/, sideEffects: false },
        { test: /\.css$/, type: "asset/source" },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    plugins: [
      // mathjs's TeX output (node.toTex), which the pane never asks for: see scripts/mathjs-no-latex.js.
      new NormalModuleReplacementPlugin(/[\\/]utils[\\/]latex\.js$/, (r) => {
        if (/[\\/]node_modules[\\/]mathjs[\\/]/.test(r.context))
          r.request = path.join(__dirname, "scripts/mathjs-no-latex.js");
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        ...pageOptions,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        ...pageOptions,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          {
            from: "examples/pinghu-candidates.xlsx",
            to: "examples/[name][ext]",
            noErrorOnMissing: true,
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => manifestFor(content, dev),
          },
          ...(officeJs.selfHosted ? [selfHostedPattern()] : []),
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          static: { directory: path.join(__dirname, "dist") },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: devCertificate() },
          port: devServerPort,
          host: "localhost",
          allowedHosts: ["localhost"],
          // No injected reload client: the functions bundle runs in Excel's JavaScript-only runtime (no DOM).
          hot: false,
          liveReload: false,
          client: false,
          webSocketServer: false,
        }
      : undefined,
  };

  const functions = {
    name: "functions",
    devtool: dev ? "source-map" : false,
    // Runs in Excel's JavaScript-only custom-functions runtime: no DOM, no chunk loading.
    target: ["web", "es2017"],
    entry: { functions: "./src/functions/functions.ts" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      globalObject: "globalThis",
      chunkLoading: false,
      wasmLoading: false,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [tsRuleFor("ES2017", transpileOnly)] },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // Page that Office loads the functions in where it needs a page (Excel on the web).
      new HtmlWebpackPlugin({
        filename: "functions.html",
        inject: false,
        templateContent: functionsPage(officeJs),
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "src/functions/functions.*.json", to: "[name][ext]" }],
      }),
    ],
    performance: { hints: false },
  };

  const cli = {
    name: "cli",
    devtool: false,
    target: "node20",
    entry: { "cli/zs-score": "./src/cli/zs-score.ts" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      library: { type: "commonjs2" },
    },
    resolve: {
      extensions: [".ts", ".js"],
      // zlib's checksum for the zip writer's: see scripts/crc32-zlib.js.
      alias: { "buffer-crc32$": path.resolve(__dirname, "scripts/crc32-zlib.js") },
    },
    module: { rules: [tsRule] },
    externals: { exceljs: "commonjs exceljs" },
    optimization: { minimize: false },
    plugins: [],
    performance: { hints: false },
  };

  if (serving) {
    // webpack serve compiles one configuration: fold the functions bundle into it (the CLI is not served).
    addin.entry.functions = functions.entry.functions;
    addin.output.globalObject = functions.output.globalObject;
    addin.plugins.push(...functions.plugins);
    return addin;
  }
  return [addin, functions, cli];
};

module.exports.manifestFor = manifestFor;
module.exports.devCertificate = devCertificate;
module.exports.styleHash = styleHash;

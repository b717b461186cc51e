/* eslint-disable no-undef */
/**
 * Where the add-in's pages load office.js from, chosen at build time with ZS_OFFICE_JS (or
 * `webpack --env officeJs=…`), and the Content-Security-Policy each page gets for that choice.
 * - cdn (default): Microsoft's CDN, as Microsoft requires for the Marketplace; it serves the numbered
 *   requirement sets the hosts announce (the npm copy lags behind, e.g. it has no valuesAsJson).
 * - cdn-21vianet: the CDN of Office 365 operated by 21Vianet (世纪互联), for tenants in China
 *   ("CDN references for other Microsoft 365 environments" in Microsoft's "Referencing the Office
 *   JavaScript API library").
 * - self-hosted: for intranets that cannot reach a CDN; copies @microsoft/office-js's dist/ with its
 *   layout intact, because office.js asks for <base>/<locale>/office_strings.js, <base>/excel-<platform>-
 *   <version>.js, telemetry/… relative to where office.js itself was loaded from.
 */
const path = require("path");

const OPTIONS = {
  cdn: "https://appsforoffice.microsoft.com/lib/1/hosted/",
  "cdn-21vianet": "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/",
  "self-hosted": "office-js/",
};

const PACKAGE_DIST = path.join(
  path.dirname(require.resolve("@microsoft/office-js/package.json")),
  "dist"
);

/** The option named `name` (default cdn): its base, the two scripts the pages load, and its CSP source. */
function officeJsOption(name) {
  const key = name || "cdn";
  const base = OPTIONS[key];
  if (!base) {
    throw new Error(
      `未知的 office.js 来源 / Unknown office.js source ZS_OFFICE_JS=${key}: use one of ${Object.keys(OPTIONS).join(", ")}`
    );
  }
  const remote = /^https:/.test(base);
  return {
    name: key,
    base,
    officeJs: `${base}office.js`,
    runtime: `${base}custom-functions-runtime.js`,
    // A CSP source allows a whole origin; 'self' covers the copy served beside the pages.
    source: remote ? new URL(base).origin : "'self'",
    selfHosted: !remote,
  };
}

/** The page's Content-Security-Policy: our own files, plus office.js's origin for scripts. */
function contentSecurityPolicy(option, { styleHashes = [] } = {}) {
  const scripts = option.selfHosted ? "'self'" : `'self' ${option.source}`;
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    ["style-src 'self'", ...styleHashes].join(" "),
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * copy-webpack-plugin pattern for the self-hosted copy: all of the package's dist/ as it is laid out,
 * minus the debug builds, IntelliSense files and typings (office.js loads the minified names), and
 * marked minimized so webpack's minifier leaves Microsoft's files byte for byte.
 */
function selfHostedPattern(to = "office-js/") {
  return {
    from: "**/*",
    context: PACKAGE_DIST,
    to,
    globOptions: { ignore: ["**/*.debug.js", "**/*-vsdoc.js", "**/*.d.ts"] },
    info: { minimized: true },
  };
}

module.exports = {
  OPTIONS,
  PACKAGE_DIST,
  officeJsOption,
  contentSecurityPolicy,
  selfHostedPattern,
};

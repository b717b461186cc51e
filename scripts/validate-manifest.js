/* eslint-disable no-undef */
// Offline manifest checks. Microsoft's validator is an online service (it fails here), so this runs
// `office-addin-manifest info` for a parse and then the project's own rules, printing every problem found.
//   node scripts/validate-manifest.js [manifest.xml] [--origin https://host] [--assets DIR]
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const xml2js = require("xml2js");

const ROOT = path.resolve(__dirname, "..");
const DEV_ORIGIN = "https://localhost:3000";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const FUNCTION_ID = /^[A-Z][A-Z0-9._]*$/;
// IconUrl and HighResolutionIconUrl sizes per the XML manifest reference.
const TOP_ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 };

/** Walks a parsed xml2js tree, calling visit(name, node, parents) on every element. */
function walk(node, visit, name = "", parents = []) {
  if (Array.isArray(node)) {
    node.forEach((n) => walk(n, visit, name, parents));
    return;
  }
  if (node === null || typeof node !== "object") return;
  visit(name, node, parents);
  for (const [key, child] of Object.entries(node)) {
    if (key === "$" || key === "_") continue;
    walk(child, visit, key, [...parents, name]);
  }
}

const local = (name) => name.replace(/^.*:/, "");

/** Pixel size of a PNG, or null when the bytes are not a PNG. */
function pngSize(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b)) return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Checks a manifest's text. Returns a list of problems (empty when it passes).
 * options.origin: the only origin URLs may use; options.assetsDir: where icon files live (the URL path
 * "assets/x.png" maps to assetsDir/x.png); options.functions: { ids: string[], localizedIds?: string[] }.
 */
async function checkManifest(xmlText, options) {
  const origin = (options.origin || DEV_ORIGIN).replace(/\/+$/, "");
  const problems = [];
  let doc;
  try {
    doc = await xml2js.parseStringPromise(xmlText, { explicitArray: true });
  } catch (e) {
    return [`XML 无法解析 / XML does not parse: ${e.message}`];
  }
  const app = doc.OfficeApp;
  if (!app) return ["根元素不是 OfficeApp / root element is not OfficeApp"];

  const text = (n) =>
    Array.isArray(n) ? (typeof n[0] === "string" ? n[0] : n[0] && n[0]._) : undefined;
  const id = text(app.Id);
  if (!id || !GUID.test(id.trim())) problems.push(`Id 不是 GUID / Id is not a GUID: "${id}"`);
  const version = text(app.Version);
  if (!version || !VERSION.test(version.trim()))
    problems.push(`Version 格式错误 / Version is not n[.n[.n[.n]]]: "${version}"`);
  const permissions = text(app.Permissions);
  if (permissions !== "ReadWriteDocument")
    problems.push(
      `Permissions 应为 ReadWriteDocument / Permissions should be ReadWriteDocument: "${permissions}"`
    );

  // Resources defined, and every resid used.
  const defined = new Map();
  const used = [];
  const urls = [];
  const imageUses = [];
  walk(app, (name, node, parents) => {
    const attrs = node.$ || {};
    const parent = local(parents[parents.length - 1] || "");
    if (["Image", "Url", "String"].includes(local(name)) && attrs.id !== undefined) {
      if (defined.has(attrs.id))
        problems.push(`资源 id 重复 / resource id defined twice: ${attrs.id}`);
      defined.set(attrs.id, { kind: local(name), value: attrs.DefaultValue, group: parent });
    }
    if (attrs.resid !== undefined) {
      used.push({ resid: attrs.resid, where: local(name) });
      if (local(name) === "Image" && attrs.size)
        imageUses.push({ resid: attrs.resid, size: Number(attrs.size) });
    }
    for (const key of ["DefaultValue", "Value"]) {
      const v = attrs[key];
      if (typeof v === "string" && /^[a-z][a-z0-9+.-]*:\/\//i.test(v))
        urls.push({ url: v, where: local(name) });
    }
  });
  for (const { resid, where } of used) {
    if (!defined.has(resid))
      problems.push(`resid 未定义 / resid "${resid}" (used in <${where}>) is not defined`);
  }
  for (const [rid] of defined) {
    if (!used.some((u) => u.resid === rid))
      problems.push(`资源未被使用 / resource "${rid}" is defined but never used`);
  }
  // AppDomain text nodes come through as plain strings inside the AppDomains array.
  for (const domains of app.AppDomains || []) {
    for (const d of (domains && domains.AppDomain) || [])
      urls.push({ url: typeof d === "string" ? d : d._, where: "AppDomain" });
  }

  for (const { url, where } of urls) {
    if (!url) continue;
    if (!/^https:\/\//i.test(url)) {
      problems.push(`URL 不是 https / URL is not https (<${where}>): ${url}`);
      continue;
    }
    let u;
    try {
      u = new URL(url);
    } catch {
      problems.push(`URL 无效 / invalid URL (<${where}>): ${url}`);
      continue;
    }
    if (u.origin !== origin)
      problems.push(`URL 不在本站 / URL is not on our origin ${origin} (<${where}>): ${url}`);
  }

  // Icons: the file behind each image URL exists and has the declared pixel size.
  const expectIcon = (url, size, what) => {
    if (!url || !url.startsWith(origin + "/")) return;
    const rel = url.slice(origin.length + 1);
    const file = path.join(options.assetsDir, rel.replace(/^assets\//, ""));
    if (!fs.existsSync(file)) {
      problems.push(`图标文件不存在 / icon file missing for ${what}: ${file}`);
      return;
    }
    const dims = pngSize(fs.readFileSync(file));
    if (!dims) problems.push(`图标不是 PNG / icon is not a PNG (${what}): ${file}`);
    else if (dims.width !== size || dims.height !== size)
      problems.push(
        `图标尺寸错误 / icon has the wrong size (${what}): ${file} is ${dims.width}×${dims.height}, expected ${size}×${size}`
      );
  };
  for (const [tag, size] of Object.entries(TOP_ICON_SIZES)) {
    const node = app[tag] && app[tag][0];
    expectIcon(node && node.$ && node.$.DefaultValue, size, tag);
  }
  const seen = new Set();
  for (const { resid, size } of imageUses) {
    const res = defined.get(resid);
    if (!res || seen.has(`${resid}@${size}`)) continue;
    seen.add(`${resid}@${size}`);
    expectIcon(res.value, size, `resid ${resid}`);
  }

  // Custom functions: namespace, metadata URLs, and ids that agree with the generated metadata.
  const namespaceUse = used.find((u) => u.where === "Namespace");
  const namespace =
    namespaceUse && defined.get(namespaceUse.resid) && defined.get(namespaceUse.resid).value;
  if (namespace !== "ZS")
    problems.push(
      `自定义函数命名空间应为 ZS / custom-functions namespace should be "ZS": "${namespace}"`
    );
  const fns = options.functions;
  if (fns) {
    if (fns.ids.length === 0)
      problems.push("函数元数据为空 / the functions metadata lists no function");
    for (const fid of fns.ids) {
      if (!FUNCTION_ID.test(fid))
        problems.push(`函数 id 无效 / function id "${fid}" is not [A-Z][A-Z0-9._]*`);
      if (namespace && fid.startsWith(namespace + "."))
        problems.push(`函数 id 含命名空间 / id "${fid}" repeats the namespace`);
    }
    if (fns.localizedIds) {
      const a = [...fns.ids].sort().join(",");
      const b = [...fns.localizedIds].sort().join(",");
      if (a !== b)
        problems.push(
          `本地化函数元数据与生成的不一致 / localized function ids differ from generated: [${b}] vs [${a}]`
        );
    }
  }
  return problems;
}

/** Ids from the metadata that the build would generate, and from the hand-kept zh-CN file. */
async function functionIds() {
  const source = path.join(ROOT, "src/functions/functions.ts");
  if (!fs.existsSync(source)) return null;
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata([source], true);
  if (result.errors.length)
    throw new Error(`函数元数据错误 / functions metadata errors:\n${result.errors.join("\n")}`);
  const ids = JSON.parse(result.metadataJson).functions.map((f) => f.id);
  const zhFile = path.join(ROOT, "src/functions/functions.zh-cn.json");
  const localizedIds = fs.existsSync(zhFile)
    ? JSON.parse(fs.readFileSync(zhFile, "utf8")).functions.map((f) => f.id)
    : [];
  return { ids, localizedIds };
}

async function main(argv) {
  const args = argv.slice(2);
  const file = args.find((a) => !a.startsWith("--")) || "manifest.xml";
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  // The parse check of Microsoft's own tool (it exits 0 on some failures: read its output too).
  let info;
  try {
    info = execFileSync(
      process.execPath,
      [require.resolve("office-addin-manifest/cli.js"), "info", file],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      }
    );
  } catch (e) {
    console.error(`office-addin-manifest info 失败 / failed:\n${e.stdout || ""}${e.stderr || ""}`);
    return 1;
  }
  if (!/Id:\s*\S/.test(info) || /error|unable/i.test(info)) {
    console.error(`office-addin-manifest info 报告问题 / reported a problem:\n${info}`);
    return 1;
  }
  const problems = await checkManifest(fs.readFileSync(file, "utf8"), {
    origin: opt("--origin") || DEV_ORIGIN,
    assetsDir: path.resolve(opt("--assets") || path.join(path.dirname(file), "assets")),
    functions: await functionIds(),
  });
  if (problems.length) {
    console.error(`清单检查失败 / manifest check failed: ${file}`);
    problems.forEach((p) => console.error(`  ✗ ${p}`));
    return 1;
  }
  console.log(`清单检查通过 / manifest checks passed: ${file}`);
  return 0;
}

module.exports = { checkManifest, pngSize };

if (require.main === module) {
  main(process.argv).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e.stack || String(e));
      process.exit(1);
    }
  );
}

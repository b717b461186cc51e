/**
 * Validation of a scoring model document. A workbook's model is untrusted input: every error names
 * the JSON path ("criteria[3].transform.min") and the reason in both languages, and all errors are
 * reported at once so an analyst can fix a model sheet in one pass.
 */
import { compileExpression, ExpressionError, ValueKind } from "../expression";
import { CurrencyCode, EngineError, FieldType, Label, ScoringModel } from "../types";
import { withDefaults } from "./defaults";
import {
  CURRENCY_CODES,
  FIELD_TYPES,
  GATE_EFFECTS,
  MISSING_POLICIES,
  NUMERIC_TRANSFORMS,
  TARGET_MEASURES,
  TRANSFORM_TYPES,
} from "../vocabulary";
import { ANSWER_READERS } from "../answers";
import { criterionVariable, currencyVariable, fieldKind, fxConstants } from "./fields";
import { lookupVariable } from "../lookup";

/** A model error: code "model", the JSON path, and (from the 评分模型 sheet) the cell. */
export interface ModelError extends EngineError {
  path: string;
}

export type ValidationResult =
  { ok: true; model: ScoringModel } | { ok: false; errors: ModelError[] };

export const MODEL_SCHEMA = "zs-scorer/model";
export const MODEL_FORMAT_VERSION = 1;
export const CURRENCIES: readonly CurrencyCode[] = CURRENCY_CODES;
/** Field ids are names in expressions: letters (Latin or CJK), digits and _, not starting with a digit. */
const ID = /^[A-Za-z_\u3400-\u4dbf\u4e00-\u9fff][A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff]*$/;
const RESERVED = new Set([
  "constructor",
  "prototype",
  "__proto__",
  "x",
  "pi",
  "e",
  "true",
  "false",
  "Infinity",
  "NaN",
  "and",
  "or",
  "not",
  "xor",
  "mod",
  "to",
  "in",
]);
/** The exchange rates expressions may read (fx_USD …); values are the model's, names are fixed. */
const FX_NAMES = fxConstants();
for (const name of Object.keys(FX_NAMES)) RESERVED.add(name);
const WEIGHT_TOLERANCE = 1e-6;
export const MAX_LIST = 2000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

class Checker {
  readonly errors: ModelError[] = [];

  add(path: string, zh: string, en: string): void {
    this.errors.push({ code: "model", path, message: { zh, en } });
  }

  obj(v: unknown, path: string): v is Obj {
    if (isObj(v)) return true;
    this.add(path, "应为对象", "must be an object");
    return false;
  }

  list(v: unknown, path: string): unknown[] {
    if (!Array.isArray(v)) {
      this.add(path, "应为列表", "must be a list");
      return [];
    }
    // A hostile model could carry millions of entries: refuse before compiling any of them.
    if (v.length > MAX_LIST) {
      this.add(
        path,
        `条目过多（${v.length}，上限 ${MAX_LIST}）`,
        `too many entries (${v.length}, limit ${MAX_LIST})`
      );
      return [];
    }
    return v;
  }

  str(o: Obj, key: string, path: string): string | null {
    if (isStr(o[key])) return o[key] as string;
    this.add(join(path, key), "应为非空文字", "must be non-empty text");
    return null;
  }

  num(
    o: Obj,
    key: string,
    path: string,
    opts: { min?: number; max?: number; optional?: boolean } = {}
  ): number | null {
    const v = o[key];
    const p = join(path, key);
    if (v === undefined && opts.optional) return null;
    if (!isNum(v)) {
      this.add(p, "应为数值", "must be a number");
      return null;
    }
    if (opts.min !== undefined && v < opts.min) {
      this.add(p, `不能小于 ${opts.min}（现为 ${v}）`, `must not be below ${opts.min} (is ${v})`);
      return null;
    }
    if (opts.max !== undefined && v > opts.max) {
      this.add(p, `不能大于 ${opts.max}（现为 ${v}）`, `must not be above ${opts.max} (is ${v})`);
      return null;
    }
    return v;
  }

  oneOf<T extends string>(
    o: Obj,
    key: string,
    path: string,
    allowed: readonly T[],
    what: Label
  ): T | null {
    const v = o[key];
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
    this.add(
      join(path, key),
      `未知的${what.zh}“${String(v)}”（可选：${allowed.join("、")}）`,
      `unknown ${what.en} "${String(v)}" (one of: ${allowed.join(", ")})`
    );
    return null;
  }

  /** A list of text (aliases): scoring spreads it into its name lists, so anything else would throw there. */
  texts(o: Obj, key: string, path: string, optional = false): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (!Array.isArray(v) || !v.every((a) => typeof a === "string"))
      this.add(join(path, key), "应为文字列表", "must be a list of text");
  }

  label(o: Obj, key: string, path: string, optional = false): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (!isObj(v) || typeof v.zh !== "string" || typeof v.en !== "string") {
      this.add(join(path, key), "应为 {zh, en} 双语文字", "must be bilingual text {zh, en}");
    }
  }

  /** Ids unique within a list; returns the valid ids. */
  ids(
    items: unknown[],
    path: string,
    opts: { identifier?: boolean; taken?: Set<string> } = {}
  ): Set<string> {
    const seen = opts.taken ?? new Set<string>();
    const out = new Set<string>();
    items.forEach((item, i) => {
      if (!isObj(item)) return;
      const p = `${path}[${i}]`;
      const id = this.str(item, "id", p);
      if (id === null) return;
      if (opts.identifier && (!ID.test(id) || RESERVED.has(id))) {
        this.add(
          `${p}.id`,
          `标识“${id}”不能用作表达式中的名称（只用字母、汉字、数字和下划线，且不以数字开头，不用保留字）`,
          `id "${id}" cannot be a name in expressions (letters, CJK, digits and _, not starting with a digit, not reserved)`
        );
      }
      if (seen.has(id)) this.add(`${p}.id`, `标识“${id}”重复`, `duplicate id "${id}"`);
      seen.add(id);
      out.add(id);
    });
    return out;
  }

  expression(
    o: Obj,
    key: string,
    path: string,
    symbols: Record<string, ValueKind>,
    optional = false
  ): void {
    const v = o[key];
    if (v === undefined && optional) return;
    const p = join(path, key);
    if (typeof v !== "string") {
      this.add(p, "应为表达式文字", "must be expression text");
      return;
    }
    try {
      compileExpression(v, symbols, FX_NAMES);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      this.add(p, `表达式“${v}”不可用：${e.label.zh}`, `expression "${v}" refused: ${e.label.en}`);
    }
  }
}

const join = (path: string, key: string | number): string =>
  typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** A field's allowed range: numbers, min below max, only on number and percent fields. */
function checkRange(c: Checker, range: unknown, path: string, type: FieldType | null): void {
  if (!c.obj(range, path)) return;
  if (type !== null && type !== "number" && type !== "percent")
    c.add(path, "只有数值或百分比字段可设范围", "only number and percent fields take a range");
  const min = c.num(range, "min", path, { optional: true });
  const max = c.num(range, "max", path, { optional: true });
  if (min !== null && max !== null && !(min < max))
    c.add(
      `${path}.max`,
      `上限 ${max} 应大于下限 ${min}`,
      `max ${max} must be greater than min ${min}`
    );
}

/** Derived fields in an order where each comes after those it reads; reports cycles. */
function derivedOrder(c: Checker, derived: unknown[], kinds: Record<string, ValueKind>): void {
  const deps = new Map<string, string[]>();
  derived.forEach((d) => {
    if (!isObj(d) || typeof d.id !== "string" || typeof d.expression !== "string") return;
    try {
      deps.set(d.id, compileExpression(d.expression, kinds, FX_NAMES).symbols);
    } catch {
      deps.set(d.id, []); // reported by the expression check
    }
  });
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      const cycle = [...trail.slice(trail.indexOf(id)), id].join(" → ");
      const i = derived.findIndex((d) => isObj(d) && d.id === id);
      c.add(
        `derived[${i}].expression`,
        `派生字段循环引用：${cycle}`,
        `derived fields refer to each other in a cycle: ${cycle}`
      );
      return;
    }
    state.set(id, 1);
    for (const dep of deps.get(id) ?? []) if (deps.has(dep)) visit(dep, [...trail, id]);
    state.set(id, 2);
  };
  for (const id of deps.keys()) visit(id, []);
}

function checkTransform(
  c: Checker,
  t: unknown,
  path: string,
  ctx: {
    fieldType: FieldType | "derived" | null;
    direction: unknown;
    kinds: Record<string, ValueKind>;
    hasChain: boolean;
  }
): void {
  if (!c.obj(t, path)) return;
  const type = c.oneOf(t, "type", path, TRANSFORM_TYPES, { zh: "变换类型", en: "transform type" });
  if (type === null) return;
  const numericField =
    ctx.fieldType !== null && ctx.fieldType !== "text" && ctx.fieldType !== "category";
  if (NUMERIC_TRANSFORMS.includes(type) && ctx.fieldType !== null && !numericField) {
    c.add(
      `${path}.type`,
      `“${type}”变换需要数值字段，而该字段是文本`,
      `transform "${type}" needs a numeric field, the field is text`
    );
  }
  const unit = { min: 0, max: 1 };
  switch (type) {
    case "linear":
    case "log": {
      const min = c.num(t, "min", path, type === "log" ? { min: Number.MIN_VALUE } : {});
      const max = c.num(t, "max", path);
      if (min !== null && max !== null && !(min < max)) {
        c.add(
          `${path}.max`,
          `上限 ${max} 应大于下限 ${min}`,
          `max ${max} must be greater than min ${min}`
        );
      }
      break;
    }
    case "threshold": {
      const full = c.num(t, "full", path);
      const zero = c.num(t, "zero", path);
      if (full === null || zero === null) break;
      if (ctx.direction === "more" && !(full > zero)) {
        c.add(
          `${path}.full`,
          `越大越好时，满分点 ${full} 应大于零分点 ${zero}`,
          `with direction "more", full ${full} must be above zero ${zero}`
        );
      } else if (ctx.direction === "less" && !(full < zero)) {
        c.add(
          `${path}.full`,
          `越小越好时，满分点 ${full} 应小于零分点 ${zero}`,
          `with direction "less", full ${full} must be below zero ${zero}`
        );
      }
      break;
    }
    case "piecewise": {
      const points = c.list(t.points, `${path}.points`);
      if (Array.isArray(t.points) && points.length < 2)
        c.add(`${path}.points`, "至少需要两个断点", "needs at least two breakpoints");
      let prev = -Infinity;
      points.forEach((p, i) => {
        const pp = `${path}.points[${i}]`;
        if (!Array.isArray(p) || p.length !== 2 || !isNum(p[0]) || !isNum(p[1])) {
          c.add(pp, "断点应为 [x, 分值]", "a breakpoint must be [x, score]");
          return;
        }
        if (!(p[0] > prev))
          c.add(
            `${pp}[0]`,
            `断点应按 x 严格递增（${p[0]} 不大于 ${prev}）`,
            `breakpoints must be in strictly increasing x (${p[0]} is not above ${prev})`
          );
        if (p[1] < 0 || p[1] > 1)
          c.add(
            `${pp}[1]`,
            `分值应在 0–1 之间（现为 ${p[1]}）`,
            `score must be within 0–1 (is ${p[1]})`
          );
        prev = p[0];
      });
      break;
    }
    case "category": {
      if (numericField)
        c.add(
          `${path}.type`,
          "类别变换需要类别或文本字段",
          "a category transform needs a category or text field"
        );
      if (c.obj(t.table, `${path}.table`)) {
        const table = t.table;
        if (Object.keys(table).length === 0)
          c.add(`${path}.table`, "类别表为空", "the category table is empty");
        for (const k of Object.keys(table)) c.num(table, k, `${path}.table`, unit);
      }
      c.num(t, "default", path, { ...unit, optional: true });
      break;
    }
    case "keywords": {
      if (numericField)
        c.add(`${path}.type`, "关键词变换需要文本字段", "a keywords transform needs a text field");
      const rules = c.list(t.rules, `${path}.rules`);
      if (Array.isArray(t.rules) && rules.length === 0)
        c.add(`${path}.rules`, "至少需要一条规则", "needs at least one rule");
      rules.forEach((r, i) => {
        const rp = `${path}.rules[${i}]`;
        if (!c.obj(r, rp)) return;
        const words = c.list(r.words, `${rp}.words`);
        if (Array.isArray(r.words) && (words.length === 0 || !words.every(isStr))) {
          c.add(`${rp}.words`, "应为非空的词语列表", "must be a non-empty list of words");
        }
        c.num(r, "score", rp, unit);
      });
      c.num(t, "default", path, { ...unit, optional: true });
      c.num(t, "intended", path, { ...unit, optional: true });
      break;
    }
    case "boolean":
      if (ctx.fieldType !== null && ctx.fieldType !== "boolean") {
        c.add(`${path}.type`, "是/否变换需要是/否字段", "a yes/no transform needs a boolean field");
      }
      break;
    case "chain":
      if (!ctx.hasChain)
        c.add(
          `${path}.type`,
          "使用产业链变换时模型必须有 chain 部分",
          "a chain transform needs the model's chain section"
        );
      break;
    case "expression": {
      const x: ValueKind =
        ctx.fieldType === null || ctx.fieldType === "derived" ? "num" : fieldKind(ctx.fieldType);
      c.expression(t, "expression", path, { ...ctx.kinds, x });
      break;
    }
  }
}

function checkChain(c: Checker, chain: unknown, fieldIds: Set<string>): void {
  const path = "chain";
  if (!c.obj(chain, path)) return;
  const chains = c.list(chain.chains, `${path}.chains`);
  const chainIds = c.ids(chains, `${path}.chains`);
  chains.forEach((ch, i) => {
    if (!isObj(ch)) return void c.obj(ch, `${path}.chains[${i}]`);
    c.label(ch, "name", `${path}.chains[${i}]`);
    c.texts(ch, "aliases", `${path}.chains[${i}]`, true);
    c.list(ch.keywords, `${path}.chains[${i}].keywords`).forEach((k, j) => {
      const kp = `${path}.chains[${i}].keywords[${j}]`;
      if (!c.obj(k, kp)) return;
      c.str(k, "word", kp);
      const w = c.num(k, "weight", kp, { max: 1 });
      if (w !== null && !(w > 0))
        c.add(`${kp}.weight`, "权重应在 (0, 1] 之内", "weight must be within (0, 1]");
    });
  });
  const roles = c.list(chain.roles, `${path}.roles`);
  const roleIds = c.ids(roles, `${path}.roles`);
  roles.forEach((r, i) => {
    if (!isObj(r)) return void c.obj(r, `${path}.roles[${i}]`);
    c.label(r, "label", `${path}.roles[${i}]`);
    c.num(r, "score", `${path}.roles[${i}]`, { min: 0, max: 1 });
    c.texts(r, "aliases", `${path}.roles[${i}]`);
  });
  if (typeof chain.defaultRole !== "string" || !roleIds.has(chain.defaultRole)) {
    c.add(
      `${path}.defaultRole`,
      `默认环节“${String(chain.defaultRole)}”不在 roles 中`,
      `default role "${String(chain.defaultRole)}" is not among the roles`
    );
  }
  if (c.obj(chain.synergy, `${path}.synergy`)) {
    const synergy = chain.synergy;
    for (const key of Object.keys(synergy)) {
      const parts = key.split("+");
      const known =
        key === "*" ||
        (parts.length === 2 && parts.every((p) => chainIds.has(p)) && parts[0] < parts[1]);
      if (!known) {
        c.add(
          `${path}.synergy.${key}`,
          `协同键“${key}”应为“*”或按字母序排列的两个产业链标识“a+b”`,
          `synergy key "${key}" must be "*" or two chain ids sorted "a+b"`
        );
      }
      c.num(synergy, key, `${path}.synergy`, { min: Number.MIN_VALUE });
    }
  }
  for (const key of ["chainField", "roleField"]) {
    if (typeof chain[key] !== "string" || !fieldIds.has(chain[key] as string)) {
      c.add(
        `${path}.${key}`,
        `字段“${String(chain[key])}”不存在`,
        `field "${String(chain[key])}" does not exist`
      );
    }
  }
  c.list(chain.textFields, `${path}.textFields`).forEach((f, i) => {
    if (typeof f !== "string" || !fieldIds.has(f))
      c.add(
        `${path}.textFields[${i}]`,
        `字段“${String(f)}”不存在`,
        `field "${String(f)}" does not exist`
      );
  });
  c.num(chain, "minConfidence", path, { min: 0, max: 1 });
  if (chain.contexts !== undefined)
    c.list(chain.contexts, `${path}.contexts`).forEach((r, i) => {
      const rp = `${path}.contexts[${i}]`;
      if (!c.obj(r, rp)) return;
      c.str(r, "word", rp);
      const cues = c.list(r.cues, `${rp}.cues`);
      if (cues.length === 0 || !cues.every(isStr))
        c.add(`${rp}.cues`, "应为非空的词语列表", "must be a non-empty list of words");
    });
  if (chain.nonTarget !== undefined && !c.list(chain.nonTarget, `${path}.nonTarget`).every(isStr))
    c.add(`${path}.nonTarget`, "应为词语列表", "must be a list of words");
  if (chain.roleScale !== undefined && c.obj(chain.roleScale, `${path}.roleScale`)) {
    const rs = chain.roleScale;
    const rp = `${path}.roleScale`;
    const roles = Array.isArray(chain.roles) ? chain.roles.filter(isObj).map((r) => r.id) : [];
    if (!roles.includes(rs.role))
      c.add(
        `${rp}.role`,
        `环节“${String(rs.role)}”不存在`,
        `role "${String(rs.role)}" does not exist`
      );
    if (typeof rs.field !== "string" || !fieldIds.has(rs.field))
      c.add(
        `${rp}.field`,
        `字段“${String(rs.field)}”不存在`,
        `field "${String(rs.field)}" does not exist`
      );
    c.num(rs, "min", rp, { min: 0 });
    c.num(rs, "score", rp, { min: 0, max: 1 });
  }
}

/**
 * Lookup tables: what chooses the row, columns whose names (`<table>_<column>`) expressions read,
 * rows of numbers, and a default row that gives every column. Registers the names in `kinds`.
 */
function checkTables(
  c: Checker,
  tables: unknown,
  ctx: { kinds: Record<string, ValueKind>; chainIds: Set<string> | null }
): void {
  const list = c.list(tables, "tables");
  c.ids(list, "tables", { identifier: true });
  list.forEach((t, i) => {
    const p = `tables[${i}]`;
    if (!c.obj(t, p)) return;
    c.label(t, "label", p);
    c.label(t, "source", p);
    const byChain = t.by === "chain";
    if (byChain && ctx.chainIds === null)
      c.add(
        `${p}.by`,
        "按产业链查表需要模型的 chain 部分和产业链指标",
        "a table by chain needs the model's chain section and a chain criterion"
      );
    else if (!byChain && (typeof t.by !== "string" || ctx.kinds[t.by] !== "str"))
      c.add(
        `${p}.by`,
        `“${String(t.by)}”应为 chain 或模型中的文本/类别字段`,
        `"${String(t.by)}" must be chain or a text or category field of the model`
      );
    const columns = c.list(t.columns, `${p}.columns`);
    const columnIds = c.ids(columns, `${p}.columns`, { identifier: true });
    columns.forEach((col, j) => {
      if (!isObj(col) || typeof col.id !== "string" || typeof t.id !== "string") return;
      c.label(col, "label", `${p}.columns[${j}]`);
      const name = lookupVariable(t.id, col.id);
      if (ctx.kinds[name] !== undefined)
        c.add(
          `${p}.columns[${j}].id`,
          `“${name}”已是字段名，不能再表示查表值`,
          `"${name}" is already a name, so it cannot name a table value`
        );
      else ctx.kinds[name] = "num";
    });
    const rows = c.list(t.rows, `${p}.rows`);
    const rowIds = c.ids(rows, `${p}.rows`);
    rows.forEach((r, j) => {
      const rp = `${p}.rows[${j}]`;
      if (!c.obj(r, rp)) return;
      c.label(r, "label", rp);
      c.label(r, "source", rp, true);
      c.list(r.match, `${rp}.match`).forEach((m, k) => {
        if (!isStr(m)) c.add(`${rp}.match[${k}]`, "应为非空文字", "must be non-empty text");
        else if (byChain && ctx.chainIds !== null && !ctx.chainIds.has(m))
          c.add(`${rp}.match[${k}]`, `产业链“${m}”不存在`, `chain "${m}" does not exist`);
      });
      if (!c.obj(r.values, `${rp}.values`)) return;
      for (const key of Object.keys(r.values)) {
        if (!columnIds.has(key))
          c.add(
            `${rp}.values.${key}`,
            `列“${key}”不在 columns 中`,
            `column "${key}" is not among the columns`
          );
        else c.num(r.values, key, `${rp}.values`);
      }
    });
    const fallback = rows.find((r) => isObj(r) && r.id === t.default);
    if (typeof t.default !== "string" || !rowIds.has(t.default) || !isObj(fallback)) {
      c.add(
        `${p}.default`,
        `默认行“${String(t.default)}”不存在`,
        `default row "${String(t.default)}" does not exist`
      );
      return;
    }
    // Every candidate must get a value: the default row gives each column.
    const at = rows.indexOf(fallback);
    for (const id of columnIds)
      if (!isObj(fallback.values) || !isNum(fallback.values[id]))
        c.add(
          `${p}.rows[${at}].values.${id}`,
          `默认行应给出列“${id}”的数值`,
          `the default row must give a number for column "${id}"`
        );
  });
}

/** Checks a model document; on success returns it with defaults filled in. */
export function validateModel(json: unknown): ValidationResult {
  const c = new Checker();
  const doc = withDefaults(json);
  if (!c.obj(doc, "")) return { ok: false, errors: c.errors };
  const m = doc;

  if (m.schema !== MODEL_SCHEMA)
    c.add(
      "schema",
      `应为“${MODEL_SCHEMA}”（现为“${String(m.schema)}”）`,
      `must be "${MODEL_SCHEMA}" (is "${String(m.schema)}")`
    );
  if (m.formatVersion !== MODEL_FORMAT_VERSION) {
    c.add(
      "formatVersion",
      `不支持的格式版本 ${String(m.formatVersion)}（本程序读版本 ${MODEL_FORMAT_VERSION}）`,
      `unsupported format version ${String(m.formatVersion)} (this program reads version ${MODEL_FORMAT_VERSION})`
    );
  }
  c.str(m, "id", "");
  c.str(m, "version", "");
  c.label(m, "name", "");
  c.label(m, "description", "", true);
  const currency = c.oneOf(m, "currency", "", CURRENCIES, { zh: "币种", en: "currency" });
  c.num(m, "amountMultiplier", "", { min: Number.MIN_VALUE });

  // Exchange rates: every currency the model itself uses needs a rate to the FX base.
  const rates = new Set<string>();
  if (c.obj(m.fx, "fx")) {
    const fx = m.fx;
    const base = c.oneOf(fx, "base", "fx", CURRENCIES, { zh: "币种", en: "currency" });
    if (base) rates.add(base);
    if (c.obj(fx.rates, "fx.rates")) {
      for (const [k, v] of Object.entries(fx.rates)) {
        if (!(CURRENCIES as readonly string[]).includes(k))
          c.add(`fx.rates.${k}`, `未知币种“${k}”`, `unknown currency "${k}"`);
        else if (!isNum(v) || v <= 0)
          c.add(`fx.rates.${k}`, "汇率应为正数", "a rate must be a positive number");
        else rates.add(k);
      }
    }
    c.str(fx, "date", "fx");
    c.str(fx, "source", "fx");
  }
  const needRate = (cur: unknown, path: string) => {
    if (
      typeof cur === "string" &&
      (CURRENCIES as readonly string[]).includes(cur) &&
      isObj(m.fx) &&
      !rates.has(cur)
    ) {
      c.add(
        path,
        `缺少 ${cur} 的汇率（fx.rates.${cur}）`,
        `no exchange rate for ${cur} (fx.rates.${cur})`
      );
    }
  };
  needRate(currency, "currency");

  // Fields and derived fields share one namespace: expressions name them.
  const fields = c.list(m.fields, "fields");
  const derived = c.list(m.derived, "derived");
  const fieldIds = c.ids(fields, "fields", { identifier: true });
  const allIds = new Set(fieldIds);
  const derivedIds = c.ids(derived, "derived", { identifier: true, taken: allIds });
  const kinds: Record<string, ValueKind> = {};
  const fieldTypes = new Map<string, FieldType | "derived">();
  fields.forEach((f, i) => {
    if (!isObj(f)) return void c.obj(f, `fields[${i}]`);
    c.label(f, "label", `fields[${i}]`);
    const type = c.oneOf(f, "type", `fields[${i}]`, FIELD_TYPES, {
      zh: "字段类型",
      en: "field type",
    });
    c.texts(f, "aliases", `fields[${i}]`);
    c.texts(f, "sharedHeaders", `fields[${i}]`, true);
    c.texts(f, "otherKinds", `fields[${i}]`, true);
    if (f.otherKinds !== undefined && type !== undefined && type !== "boolean")
      c.add(
        `fields[${i}].otherKinds`,
        "只有是/否字段可列出其他类别（读作“否”）",
        "only yes/no fields list other kinds (read as no)"
      );
    if (f.sharedHeaders !== undefined && type !== undefined && type !== "amount")
      c.add(
        `fields[${i}].sharedHeaders`,
        "只有金额字段可从多项共用的列读取（按单元格内的标签）",
        "only amount fields read from a column several items share (by the labels in its cells)"
      );
    if (f.per !== undefined && f.per !== "亩")
      c.add(`fields[${i}].per`, "只能是“亩”（按每亩计的金额）", 'must be "亩" (an amount per 亩)');
    else if (f.per !== undefined && type !== undefined && type !== "amount")
      c.add(
        `fields[${i}].per`,
        "只有金额字段可按每亩计（亩均税收、投资强度）",
        "only amount fields are counted per 亩 (tax per 亩, investment intensity)"
      );
    c.texts(f, "inferFrom", `fields[${i}]`, true);
    if (f.inferFrom !== undefined && type !== undefined && type !== "boolean")
      c.add(
        `fields[${i}].inferFrom`,
        "只有是/否字段可由其他列的文字判定",
        "only yes/no fields are answered from other columns' text"
      );
    if (f.reader !== undefined)
      c.oneOf(f, "reader", `fields[${i}]`, ANSWER_READERS, { zh: "读法", en: "reader" });
    if (f.range !== undefined) checkRange(c, f.range, `fields[${i}].range`, type);
    if (type && typeof f.id === "string") {
      kinds[f.id] = fieldKind(type);
      fieldTypes.set(f.id, type);
    }
  });
  for (const id of derivedIds) {
    kinds[id] = "num";
    fieldTypes.set(id, "derived");
  }
  fields.forEach((f, i) => {
    if (!isObj(f) || !Array.isArray(f.inferFrom)) return;
    f.inferFrom.forEach((id, j) => {
      const type = typeof id === "string" ? fieldTypes.get(id) : undefined;
      if (typeof id === "string" && type !== "text" && type !== "category")
        c.add(`fields[${i}].inferFrom[${j}]`, `“${id}”不是文本字段`, `"${id}" is not a text field`);
    });
  });
  // totalInvestment_currency: the text an expression reads for an amount field's currency.
  fields.forEach((f, i) => {
    if (!isObj(f) || f.type !== "amount" || typeof f.id !== "string") return;
    const name = currencyVariable(f.id);
    if (kinds[name] !== undefined)
      c.add(
        `fields[${i}].id`,
        `“${name}”已是字段名，不能再表示金额字段“${f.id}”的币种`,
        `"${name}" is already a field, so it cannot name the currency of amount field "${f.id}"`
      );
    else kinds[name] = "str";
  });
  if (m.tables !== undefined) {
    const chain = isObj(m.chain) && Array.isArray(m.chain.chains) ? m.chain.chains : null;
    const hasChainCriterion =
      Array.isArray(m.criteria) &&
      m.criteria.some((cr) => isObj(cr) && isObj(cr.transform) && cr.transform.type === "chain");
    const chainIds =
      chain && hasChainCriterion ? new Set(chain.filter(isObj).map((ch) => String(ch.id))) : null;
    checkTables(c, m.tables, { kinds, chainIds });
  }
  derived.forEach((d, i) => {
    if (!isObj(d)) return void c.obj(d, `derived[${i}]`);
    c.label(d, "label", `derived[${i}]`);
    c.expression(d, "expression", `derived[${i}]`, kinds);
    if (d.notes !== undefined)
      c.list(d.notes, `derived[${i}].notes`).forEach((n, j) => {
        const np = `derived[${i}].notes[${j}]`;
        if (!c.obj(n, np)) return;
        c.expression(n, "when", np, kinds);
        c.label(n, "text", np);
      });
  });
  derivedOrder(c, derived, kinds);

  // Dimensions and criteria.
  const dimensions = c.list(m.dimensions, "dimensions");
  const dimIds = c.ids(dimensions, "dimensions");
  if (Array.isArray(m.dimensions) && dimensions.length === 0)
    c.add("dimensions", "至少需要一个维度", "needs at least one dimension");
  let dimSum = 0;
  const dimWeight = new Map<string, number>();
  dimensions.forEach((d, i) => {
    if (!isObj(d)) return void c.obj(d, `dimensions[${i}]`);
    c.label(d, "label", `dimensions[${i}]`);
    const w = c.num(d, "weight", `dimensions[${i}]`, { min: 0 });
    if (w !== null) {
      dimSum += w;
      if (typeof d.id === "string") dimWeight.set(d.id, w);
    }
  });
  if (dimensions.length > 0 && Math.abs(dimSum - 1) > WEIGHT_TOLERANCE) {
    c.add(
      "dimensions",
      `维度权重之和应为 1（现为 ${+dimSum.toFixed(6)}）`,
      `dimension weights must sum to 1 (they sum to ${+dimSum.toFixed(6)})`
    );
  }
  const criteria = c.list(m.criteria, "criteria");
  c.ids(criteria, "criteria");
  const dimCriteriaWeight = new Map<string, number>();
  const hasChain = m.chain !== undefined;
  criteria.forEach((cr, i) => {
    const p = `criteria[${i}]`;
    if (!isObj(cr)) return void c.obj(cr, p);
    c.label(cr, "label", p);
    const dim = cr.dimension;
    if (typeof dim !== "string" || !dimIds.has(dim))
      c.add(
        `${p}.dimension`,
        `维度“${String(dim)}”不存在`,
        `dimension "${String(dim)}" does not exist`
      );
    const field = cr.field;
    const fieldType = typeof field === "string" ? (fieldTypes.get(field) ?? null) : null;
    if (fieldType === null)
      c.add(
        `${p}.field`,
        `字段“${String(field)}”不存在`,
        `field "${String(field)}" does not exist`
      );
    const direction = c.oneOf(cr, "direction", p, ["more", "less"], {
      zh: "方向",
      en: "direction",
    });
    const w = c.num(cr, "weight", p, { min: 0 });
    if (w !== null && typeof dim === "string")
      dimCriteriaWeight.set(dim, (dimCriteriaWeight.get(dim) ?? 0) + w);
    c.oneOf(cr, "missing", p, MISSING_POLICIES, { zh: "缺失值规则", en: "missing-value policy" });
    checkTransform(c, cr.transform, `${p}.transform`, { fieldType, direction, kinds, hasChain });
  });
  dimensions.forEach((d, i) => {
    if (!isObj(d) || typeof d.id !== "string") return;
    if ((dimWeight.get(d.id) ?? 0) > 0 && !((dimCriteriaWeight.get(d.id) ?? 0) > 0)) {
      c.add(
        `dimensions[${i}]`,
        `维度“${d.id}”有权重，但没有权重大于 0 的指标`,
        `dimension "${d.id}" has weight but no criterion with weight above 0`
      );
    }
  });

  // Gates, bonuses, flags; they run after the criteria and may read their values (<id>_score).
  criteria.forEach((cr, i) => {
    if (!isObj(cr) || typeof cr.id !== "string") return;
    const name = criterionVariable(cr.id);
    if (kinds[name] !== undefined)
      c.add(
        `criteria[${i}].id`,
        `“${name}”已是字段名，不能再表示准则“${cr.id}”的得分`,
        `"${name}" is already a field, so it cannot name the value of criterion "${cr.id}"`
      );
    else kinds[name] = "num";
  });
  const gates = c.list(m.gates, "gates");
  c.ids(gates, "gates");
  gates.forEach((g, i) => {
    const p = `gates[${i}]`;
    if (!isObj(g)) return void c.obj(g, p);
    c.label(g, "label", p);
    c.label(g, "reason", p);
    c.expression(g, "pass", p, kinds);
    c.expression(g, "appliesWhen", p, kinds, true);
    const effect = c.oneOf(g, "effect", p, GATE_EFFECTS, { zh: "门槛后果", en: "gate effect" });
    if (effect === "cap") c.num(g, "cap", p, { min: 0, max: 100 });
  });
  const bonuses = c.list(m.bonuses, "bonuses");
  c.ids(bonuses, "bonuses");
  bonuses.forEach((b, i) => {
    const p = `bonuses[${i}]`;
    if (!isObj(b)) return void c.obj(b, p);
    c.label(b, "label", p);
    c.expression(b, "when", p, kinds);
    c.num(b, "points", p, { min: -100, max: 100 });
    c.num(b, "floor", p, { min: 0, max: 100, optional: true });
    c.label(b, "description", p, true);
  });
  const flags = c.list(m.flags, "flags");
  const flagIds = c.ids(flags, "flags");
  flags.forEach((f, i) => {
    const p = `flags[${i}]`;
    if (!isObj(f)) return void c.obj(f, p);
    c.label(f, "label", p);
    c.expression(f, "when", p, kinds);
  });

  // Grades and decisions.
  const gradeIds = new Set<string>();
  if (c.obj(m.grades, "grades")) {
    const g = m.grades;
    const method = c.oneOf(g, "method", "grades", ["absolute", "percentile"], {
      zh: "分级方法",
      en: "grading method",
    });
    const bands = c.list(g.bands, "grades.bands");
    if (Array.isArray(g.bands) && bands.length === 0)
      c.add("grades.bands", "至少需要一个等级", "needs at least one grade");
    let prev: number | null = null;
    bands.forEach((b, i) => {
      const p = `grades.bands[${i}]`;
      if (!isObj(b)) return void c.obj(b, p);
      const grade = c.str(b, "grade", p);
      if (grade !== null) {
        if (gradeIds.has(grade))
          c.add(`${p}.grade`, `等级“${grade}”重复`, `duplicate grade "${grade}"`);
        gradeIds.add(grade);
      }
      c.label(b, "label", p);
      if (method === "absolute") {
        const min = c.num(b, "min", p, { min: 0, max: 100 });
        if (min !== null && prev !== null && !(min < prev)) {
          c.add(
            `${p}.min`,
            `等级应按最低分从高到低排列（${min} 不小于上一级的 ${prev}）`,
            `grades must go from the highest minimum down (${min} is not below the previous ${prev})`
          );
        }
        if (min !== null) prev = min;
      } else if (method === "percentile") {
        const share = c.num(b, "topShare", p, { min: 0, max: 1 });
        if (share !== null && prev !== null && !(share > prev)) {
          c.add(
            `${p}.topShare`,
            `累计比例应逐级增加（${share} 不大于上一级的 ${prev}）`,
            `cumulative shares must increase band by band (${share} is not above the previous ${prev})`
          );
        }
        if (share !== null) prev = share;
        if (i === bands.length - 1 && share !== null && share !== 1) {
          c.add(
            `${p}.topShare`,
            "最后一级的累计比例应为 1（覆盖全部）",
            "the last band's cumulative share must be 1 (everyone)"
          );
        }
      }
    });
  }
  const decisions = c.list(m.decisions, "decisions");
  c.ids(decisions, "decisions");
  decisions.forEach((d, i) => {
    const p = `decisions[${i}]`;
    if (!isObj(d)) return void c.obj(d, p);
    c.label(d, "label", p);
    c.list(d.grades, `${p}.grades`).forEach((g, j) => {
      if (typeof g !== "string" || !gradeIds.has(g))
        c.add(
          `${p}.grades[${j}]`,
          `等级“${String(g)}”不存在`,
          `grade "${String(g)}" does not exist`
        );
    });
  });

  if (hasChain) checkChain(c, m.chain, fieldIds);
  const decisionIds = new Set(decisions.filter(isObj).map((d) => d.id));
  const decisionRef = (o: Obj, key: string, path: string) => {
    if (typeof o[key] !== "string" || !decisionIds.has(o[key]))
      c.add(
        `${path}.${key}`,
        `决策“${String(o[key])}”不存在`,
        `decision "${String(o[key])}" does not exist`
      );
  };
  if (m.stages !== undefined) {
    const stages = c.list(m.stages, "stages");
    c.ids(stages, "stages");
    stages.forEach((st, i) => {
      if (!isObj(st)) return void c.obj(st, `stages[${i}]`);
      // Stage words are read by their labels and aliases (answers.ts): both must be there.
      c.label(st, "label", `stages[${i}]`);
      c.texts(st, "aliases", `stages[${i}]`);
      if (st.decision !== undefined) decisionRef(st, "decision", `stages[${i}]`);
      if (st.halted !== undefined && typeof st.halted !== "boolean")
        c.add(`stages[${i}].halted`, "应为 true 或 false", "must be true or false");
    });
  }
  if (m.unknowns !== undefined && c.obj(m.unknowns, "unknowns")) {
    const u = m.unknowns;
    decisionRef(u, "decision", "unknowns");
    c.num(u, "minCompleteness", "unknowns", { min: 0, max: 1 });
    c.num(u, "maxGradeSpan", "unknowns", { min: 0 });
    c.list(u.keep, "unknowns.keep").forEach((_, j) =>
      decisionRef(u.keep as Obj, String(j), "unknowns.keep")
    );
    c.label(u, "principle", "unknowns");
  }
  if (m.landUse !== undefined && c.obj(m.landUse, "landUse")) {
    const lu = m.landUse;
    const field = fields.find((f) => isObj(f) && f.id === lu.field);
    if (!isObj(field) || field.reader !== "landUse")
      c.add(
        "landUse.field",
        `字段“${String(lu.field)}”不存在或不是用地性质字段（reader: landUse）`,
        `field "${String(lu.field)}" does not exist or is not a land-use field (reader: landUse)`
      );
    c.list(lu.inferFrom, "landUse.inferFrom").forEach((f, j) => {
      if (typeof f !== "string" || !fieldIds.has(f))
        c.add(
          `landUse.inferFrom[${j}]`,
          `字段“${String(f)}”不存在`,
          `field "${String(f)}" does not exist`
        );
    });
    const uses = c.list(lu.uses, "landUse.uses");
    const useIds = c.ids(uses, "landUse.uses");
    uses.forEach((u, j) => {
      if (!isObj(u)) return;
      c.label(u, "label", `landUse.uses[${j}]`);
      const words = c.list(u.words, `landUse.uses[${j}].words`);
      if (!words.every(isStr))
        c.add(`landUse.uses[${j}].words`, "应为词语列表", "must be a list of words");
    });
    if (typeof lu.default !== "string" || !useIds.has(lu.default))
      c.add(
        "landUse.default",
        `用地性质“${String(lu.default)}”不存在`,
        `land use "${String(lu.default)}" does not exist`
      );
  }
  if (m.targets !== undefined && c.obj(m.targets, "targets")) {
    c.num(m.targets, "year", "targets", { min: 1900, max: 2200 });
    c.list(m.targets.items, "targets.items").forEach((t, i) => {
      const p = `targets.items[${i}]`;
      if (!isObj(t)) return void c.obj(t, p);
      const measure = c.oneOf(t, "measure", p, TARGET_MEASURES, {
        zh: "目标口径",
        en: "target measure",
      });
      if (measure === "flagCount" && (typeof t.flag !== "string" || !flagIds.has(t.flag))) {
        c.add(
          `${p}.flag`,
          `标记“${String(t.flag)}”不存在`,
          `flag "${String(t.flag)}" does not exist`
        );
      }
      c.num(t, "value", p, { min: 0 });
      if (t.currency !== undefined) {
        if (c.oneOf(t, "currency", p, CURRENCIES, { zh: "币种", en: "currency" }))
          needRate(t.currency, `${p}.currency`);
      }
    });
  }

  return c.errors.length
    ? { ok: false, errors: c.errors }
    : { ok: true, model: m as unknown as ScoringModel };
}

/**
 * The scoring model a function uses: the bundled default (validated and compiled once, at load), or the
 * model in a range — a 评分模型 sheet, or one cell holding the model's JSON — read, validated and compiled
 * once per distinct content (RangeCache), never per cell.
 */
import pinghu from "../models/pinghu-2023.json";
import { compileModel, validateModel } from "../engine/model";
import type { CompiledModel } from "../engine/model";
import type { Label, ScoringModel } from "../engine/types";
import { gridToModel } from "../workbook/modelSheet";
import type { Grid } from "../workbook/types";
import { ArgError, cellValue, grid, isBlank } from "./args";
import { RangeCache } from "./cache";

export interface ModelEntry {
  model: ScoringModel;
  compiled: CompiledModel;
}

/** At most this many errors are listed in one message (Excel shows a short text). */
const SHOWN_ERRORS = 2;

function invalid(arg: string, problems: { where: string; message: Label }[]): ArgError {
  const shown = problems.slice(0, SHOWN_ERRORS);
  const more = problems.length - shown.length;
  const join = (lang: keyof Label) =>
    shown.map((p) => `${p.where ? `${p.where} ` : ""}${p.message[lang]}`).join("; ") +
    (more > 0 ? (lang === "zh" ? `；另有 ${more} 处` : `; ${more} more`) : "");
  return new ArgError("value", arg, {
    zh: `评分模型有误：${join("zh")}`,
    en: `invalid model: ${join("en")}`,
  });
}

function entryOf(json: unknown, arg: string): ModelEntry | ArgError {
  const v = validateModel(json);
  if (!v.ok)
    return invalid(
      arg,
      v.errors.map((e) => ({ where: e.path, message: e.message }))
    );
  try {
    return { model: v.model, compiled: compileModel(v.model) };
  } catch (e) {
    const label = (e as { label?: Label }).label;
    return invalid(arg, [{ where: "", message: label ?? { zh: String(e), en: String(e) } }]);
  }
}

const defaultEntry = entryOf(pinghu, "model");

/** The bundled default model. */
export function defaultModel(): ModelEntry {
  if (defaultEntry instanceof ArgError) throw defaultEntry;
  return defaultEntry;
}

function fromRange(cells: unknown[][], arg: string): ModelEntry | ArgError {
  // One cell of JSON text: a model kept as a document.
  if (cells.length === 1 && cells[0].length === 1 && typeof cells[0][0] === "string") {
    const text = cells[0][0].trim();
    if (!text.startsWith("{")) {
      return new ArgError("value", arg, {
        zh: "应为评分模型表区域或模型 JSON",
        en: "must be a scoring-model sheet range or model JSON",
      });
    }
    try {
      return entryOf(JSON.parse(text), arg);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return new ArgError("value", arg, {
        zh: `模型 JSON 无法读取：${msg}`,
        en: `model JSON cannot be read: ${msg}`,
      });
    }
  }
  const base = defaultModel().model;
  const read = gridToModel(cells.map((r) => r.map(cellValue)) as Grid, base);
  if (!read.ok)
    return invalid(
      arg,
      read.errors.map((e) => ({ where: e.address, message: e.message }))
    );
  return entryOf(read.model, arg);
}

const ranges = new RangeCache<ModelEntry | ArgError>(8);

/** The model an optional `model` argument names; blank or omitted gives the default model. */
export function modelArg(v: unknown, arg = "model"): ModelEntry {
  if (isBlank(v) || (Array.isArray(v) && v.every((r) => !Array.isArray(r) || r.every(isBlank))))
    return defaultModel();
  // The raw range is the key: a hit (every call but the first) allocates nothing.
  const range = Array.isArray(v) ? (v as unknown[][]) : [[v]];
  const entry = ranges.get(range, () => fromRange(grid(v, arg), arg));
  if (entry instanceof ArgError) throw entry;
  return entry;
}

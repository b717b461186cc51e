/**
 * Defaults a model document may leave out. Applied before validation, so a model written by hand
 * (or read back from the 评分模型 sheet) need not spell out empty lists or the usual choices.
 */
import { CriterionDef, MissingPolicy } from "../types";

/** Missing data earns no points unless the model says otherwise. */
export const DEFAULT_MISSING_POLICY: MissingPolicy = "zero";
export const DEFAULT_DIRECTION: CriterionDef["direction"] = "more";

const LIST_KEYS = [
  "fields",
  "derived",
  "dimensions",
  "criteria",
  "gates",
  "bonuses",
  "flags",
  "decisions",
] as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A shallow copy of `json` with empty lists and criterion defaults filled in; non-objects pass through. */
export function withDefaults(json: unknown): unknown {
  if (!isObject(json)) return json;
  const out: Record<string, unknown> = { ...json };
  for (const key of LIST_KEYS) if (out[key] === undefined) out[key] = [];
  if (Array.isArray(out.criteria)) {
    out.criteria = out.criteria.map((c) =>
      isObject(c) ? { direction: DEFAULT_DIRECTION, missing: DEFAULT_MISSING_POLICY, ...c } : c
    );
  }
  return out;
}

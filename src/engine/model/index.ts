/** The scoring model: validation with JSON paths, defaults, compilation, and reading cells by field type. */
import { ScoringModel } from "../types";
import { ModelError, validateModel } from "./validate";

export { validateModel, MODEL_SCHEMA, MODEL_FORMAT_VERSION, CURRENCIES } from "./validate";
export type { ModelError, ValidationResult } from "./validate";
export { compileModel } from "./compile";
export type { CompiledModel, CompiledCriterion, CompiledDimension } from "./compile";
export { withDefaults, DEFAULT_MISSING_POLICY, DEFAULT_DIRECTION } from "./defaults";
export {
  fieldKind,
  isMissingCell,
  isMissingFor,
  readNumber,
  readNumberBound,
  numberNote,
  readingNote,
  readText,
  readAmount,
  amountOptions,
  fieldNames,
  readNumericCell,
  readFieldNumber,
  rangeProblem,
  isAreaField,
  areaUnitProblem,
} from "./fields";
export type { AmountReading } from "./fields";
export { readDate } from "../dateText";

/** Thrown by loadModel: the model document is not valid; `errors` name each problem's path. */
export class InvalidModelError extends Error {
  constructor(readonly errors: ModelError[]) {
    super(
      `Invalid scoring model: ${errors.map((e) => `${e.path || "(document)"}: ${e.message.en}`).join("; ")}`
    );
    this.name = "InvalidModelError";
  }
}

/** Reads a model from JSON text or a parsed document; throws InvalidModelError listing every problem. */
export function loadModel(source: string | unknown): ScoringModel {
  let json: unknown = source;
  if (typeof source === "string") {
    try {
      json = JSON.parse(source);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new InvalidModelError([
        {
          code: "model",
          path: "",
          message: { zh: `不是有效的 JSON：${msg}`, en: `not valid JSON: ${msg}` },
        },
      ]);
    }
  }
  const result = validateModel(json);
  if (!result.ok) throw new InvalidModelError(result.errors);
  return result.model;
}

/**
 * The bundled default model as tests use it, without the sample workbook's reader: a test importing
 * it does not load exceljs (seconds per jest run, paid by every mutant in mutation runs).
 */
import type { ScoringModel } from "../../src/engine/types";
import pinghu from "../../src/models/pinghu-2023.json";

export const model = pinghu as unknown as ScoringModel;

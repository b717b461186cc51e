/**
 * Candidates given to worksheet functions as cells: one row with its header cells (ZS.SCORE and kin), or a
 * whole table (ZS.SCORES). Header → field mappings are cached per model and header content. Each mapping
 * keeps scoring prepared for one row (engine prepareScoring) and a one-row table it refills per call, so
 * a row costs its readers and the scoring steps, with nothing compiled, bound or allocated again.
 */
import { prepareScoring, scoreTable } from "../engine";
import type { CompiledModel, ScoredTable, Scoring } from "../engine";
import type {
  AmountContext,
  CandidateTable,
  CellValue,
  Label,
  ScoringModel,
} from "../engine/types";
import { mapColumns } from "../workbook/mapping";
import { mappingProblem } from "../workbook/pipeline";
import { toVector } from "../engine/mcda/matrix";
import { ArgError, cellValue, fail, grid, isBlank, notAvailable } from "./args";
import { KeyedRangeCache } from "./cache";
import { modelArg } from "./models";
import type { ModelEntry } from "./models";

interface HeaderMapping {
  width: number;
  columns: { field: string; column: number }[];
  contexts: Record<string, Partial<AmountContext>>;
  /** Why a whole table so headed is not scored (the workbook layer's rules, as in the CLI and pane). */
  problem: Label | null;
  /**
   * Prepared on the first row scored with this mapping: the one-row table, the scoring bound to it,
   * and each mapped column's one cell in `columns` order, so a call writes its cells without looking
   * up fields by name.
   */
  row?: { table: CandidateTable; scoring: Scoring; cells: CellValue[][] };
}

function mapHeaders(
  headers: CellValue[],
  model: ScoringModel,
  arg: string
): HeaderMapping | ArgError {
  const mapping = mapColumns(headers, model);
  if (mapping.mapped.length === 0) {
    return new ArgError("na", arg, {
      zh: "没有表头与模型字段对应",
      en: "no header matches a field of the model",
    });
  }
  const contexts: Record<string, Partial<AmountContext>> = {};
  for (const m of mapping.mapped) if (m.context) contexts[m.field] = m.context;
  return {
    width: headers.length,
    columns: mapping.mapped.map((m) => ({ field: m.field, column: m.column })),
    contexts,
    problem: mappingProblem(mapping, model, "")?.label ?? null,
  };
}

const mappings = new KeyedRangeCache<CompiledModel, HeaderMapping | ArgError>(16);

/** `headers` as given: compared raw against the cache, normalised only when a mapping is built. */
function headerMapping(entry: ModelEntry, headers: unknown[], arg: string): HeaderMapping {
  const m = mappings.get(entry.compiled, [headers], () =>
    mapHeaders(headers.map(cellValue), entry.model, arg)
  );
  if (m instanceof ArgError) throw m;
  return m;
}

function tableOf(mapping: HeaderMapping, rows: CellValue[][]): CandidateTable {
  const columns: CandidateTable["columns"] = {};
  for (const { field, column } of mapping.columns)
    columns[field] = rows.map((r) => r[column] ?? null);
  return { count: rows.length, columns, contexts: mapping.contexts };
}

/**
 * One row on the mapping's prepared one-row scoring. The result is overwritten by the next row scored
 * with the same mapping: read it before scoring another.
 */
function scoreOne(entry: ModelEntry, mapping: HeaderMapping, cells: unknown[]): ScoredTable {
  let row = mapping.row;
  if (row === undefined) {
    const columns: CandidateTable["columns"] = {};
    const targets = mapping.columns.map(({ field }) => (columns[field] = [null]));
    row = mapping.row = {
      table: { count: 1, columns, contexts: mapping.contexts },
      scoring: prepareScoring(entry.compiled, 1, mapping.contexts),
      cells: targets,
    };
  }
  const { columns } = mapping;
  for (let c = 0; c < columns.length; c++) row.cells[c][0] = cellValue(cells[columns[c].column]);
  return row.scoring.run(row.table);
}

/**
 * One candidate scored: `row` its cells, `headers` the header cells, `model` an optional model range.
 * The scores are overwritten by the next call: read them before scoring another row.
 */
export function scoreRow(
  row: unknown,
  headers: unknown,
  model: unknown
): { entry: ModelEntry; scored: ScoredTable } {
  const entry = modelArg(model);
  // Data-type cells are read one by one (cellValue) where a mapping is built and where a row's cells are
  // written, so neither the headers nor the row needs a plain copy or a scan first.
  const mapping = headerMapping(entry, toVector(headers, "headers"), "headers");
  const cells = toVector(row, "row");
  if (cells.length !== mapping.width) {
    fail(
      "row",
      `有 ${cells.length} 个单元格，表头有 ${mapping.width} 个`,
      `${cells.length} cells for ${mapping.width} headers`
    );
  }
  return { entry, scored: scoreOne(entry, mapping, cells) };
}

/** A table whose first row is the header: candidates scored together; blank rows keep their place as null. */
export function scoreGrid(
  table: unknown,
  model: unknown
): { entry: ModelEntry; scored: ScoredTable; rowOf: (number | null)[] } {
  const entry = modelArg(model);
  const g = grid(table, "table");
  if (g.length < 2)
    notAvailable(
      "table",
      "至少需要表头和一行项目",
      "a header row and at least one candidate row are required"
    );
  const mapping = headerMapping(entry, g[0], "table");
  if (mapping.problem) throw new ArgError("na", "table", mapping.problem);
  const rows: CellValue[][] = [];
  const rowOf = g.slice(1).map((r) => {
    if (r.every(isBlank)) return null;
    rows.push(r.map(cellValue));
    return rows.length - 1;
  });
  if (rows.length === 0) notAvailable("table", "没有项目行", "no candidate rows");
  return { entry, scored: scoreTable(tableOf(mapping, rows), entry.compiled), rowOf };
}

/**
 * Decision matrices and the validation of everything the MCDA methods take in (matrix, weights,
 * criterion types). Errors name the argument and the 1-based position, in both languages, so that
 * worksheet functions and the task pane can show them as they are.
 */
import { Label } from "../types";

/** Alternatives in rows, criteria in columns, row-major: cell (i, j) is data[i * cols + j]. */
export interface DecisionMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
  /**
   * Per-column minimum, maximum, sum and sum of squares, taken by `toMatrix` while it writes the data
   * (no method then reads the cells once more for them). Whoever sets them owns the data, which must not
   * change afterwards; absent, `columnRange` and `columnTotals` take them from the data.
   */
  readonly stats?: ColumnStats;
}

/** 1: benefit (more is better, "max"); -1: cost (less is better, "min"). */
export type CriterionType = 1 | -1;

/** A bad input: which argument, where (1-based row and column when a cell is at fault), and why. */
export class McdaError extends Error {
  readonly argument: string;
  readonly row?: number;
  readonly col?: number;
  readonly label: Label;

  constructor(argument: string, label: Label, position: { row?: number; col?: number } = {}) {
    super(label.en);
    this.name = "McdaError";
    this.argument = argument;
    this.row = position.row;
    this.col = position.col;
    this.label = label;
  }
}

/** "matrix 第 2 行第 3 列" / "matrix row 2, column 3" — or the argument alone. */
function where(argument: string, row?: number, col?: number): Label {
  if (row !== undefined && col !== undefined) {
    return {
      zh: `${argument} 第 ${row} 行第 ${col} 列`,
      en: `${argument} row ${row}, column ${col}`,
    };
  }
  if (row !== undefined) return { zh: `${argument} 第 ${row} 行`, en: `${argument} row ${row}` };
  if (col !== undefined) return { zh: `${argument} 第 ${col} 项`, en: `${argument} item ${col}` };
  return { zh: argument, en: argument };
}

/** Throws an McdaError "<where>: <what>" for the argument and position. */
export function fail(argument: string, what: Label, row?: number, col?: number): never {
  const at = where(argument, row, col);
  throw new McdaError(
    argument,
    { zh: `${at.zh}：${what.zh}`, en: `${at.en}: ${what.en}` },
    { row, col }
  );
}

/** A matrix over existing data (not copied). */
export function matrix(rows: number, cols: number, data: Float64Array): DecisionMatrix {
  if (!(Number.isInteger(rows) && Number.isInteger(cols) && rows >= 0 && cols >= 0)) {
    throw new RangeError(`matrix: rows and cols must be integers ≥ 0, got ${rows} × ${cols}`);
  }
  if (data.length !== rows * cols) {
    throw new RangeError(
      `matrix: ${rows} × ${cols} needs ${rows * cols} values, got ${data.length}`
    );
  }
  return { rows, cols, data };
}

/** The matrix as arrays of rows (blank cells as NaN). */
export function toRows(m: DecisionMatrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) =>
    Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols))
  );
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function isBlank(v: unknown): boolean {
  return (
    v === null || v === undefined || (typeof v === "string" && v.trim() === "") || Number.isNaN(v)
  );
}

/** A cell as a number, NaN when blank; throws naming the cell for text, booleans and infinities. */
function cellNumber(v: unknown, argument: string, row?: number, col?: number): number {
  if (isBlank(v)) return NaN;
  if (typeof v === "number") {
    if (Number.isFinite(v)) return v;
    return fail(
      argument,
      { zh: `数值超出范围（${v}）`, en: `number out of range (${v})` },
      row,
      col
    );
  }
  if (typeof v === "string" && NUMERIC_TEXT.test(v.trim())) return Number(v.trim());
  const shown = typeof v === "string" ? `"${v.length > 20 ? v.slice(0, 20) + "…" : v}"` : String(v);
  return fail(
    argument,
    { zh: `应为数字，实为 ${shown}`, en: `expected a number, got ${shown}` },
    row,
    col
  );
}

export interface ToMatrixOptions {
  /** Name used in error messages; default "matrix". */
  argument?: string;
  /**
   * Keep blank cells (null, "", NaN) as NaN instead of refusing them. Methods then refuse NaN with the
   * cell's position unless they define a meaning for it (AHP: a blank lower triangle is the reciprocal),
   * or the caller fills them first with `imputeMissing`.
   */
  allowBlank?: boolean;
  /**
   * What a cell that is not a finite number stands for, before it is read (a worksheet host maps an
   * Excel data-type cell to the value it shows). Called only off the fast path, so the common all-number
   * range is read without it.
   */
  cell?: (v: unknown) => unknown;
  /**
   * Where to put the cells (rows × cols values, every one written), instead of a new array: a host that
   * reads one matrix per call can reuse the storage. Too small or absent: a new array.
   */
  into?: (size: number) => Float64Array | undefined;
  /**
   * Which column statistics to take while reading (default "all": minimum, maximum, Σx and Σx²).
   * "range" (minimum and maximum: VIKOR) saves the additions; "none" saves the whole pass, for a method
   * that takes what it needs in its own pass over the cells. Whatever is not taken, `columnRange` and
   * `columnTotals` take from the data when asked.
   */
  stats?: MatrixStats;
}

export type MatrixStats = "all" | "range" | "none";

/** The slow path of `toMatrix`: a cell that is not a finite number, read or refused by position. */
function otherCell(
  v: unknown,
  options: ToMatrixOptions,
  argument: string,
  row: number,
  col: number
) {
  const x = cellNumber(options.cell ? options.cell(v) : v, argument, row, col);
  if (x !== x && !options.allowBlank) {
    fail(argument, { zh: "空单元格", en: "blank cell" }, row, col);
  }
  return x;
}

/**
 * A decision matrix from rows of cells (numbers, numeric text, blanks). Refuses an empty or ragged
 * matrix, text, booleans and infinities, naming the position. One pass over the cells: a finite number
 * is stored as it is, and only other cells go through the reading (and message-building) path — a
 * 100 000 × 15 range of numbers costs one typed-array write per cell.
 */
export function toMatrix(
  values: readonly (readonly unknown[])[],
  options: ToMatrixOptions = {}
): DecisionMatrix {
  const argument = options.argument ?? "matrix";
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    !Array.isArray(values[0]) ||
    values[0].length === 0
  ) {
    return fail(argument, { zh: "为空", en: "is empty" });
  }
  const rows = values.length;
  const cols = values[0].length;
  const given = options.into?.(rows * cols);
  const data = given && given.length === rows * cols ? given : new Float64Array(rows * cols);
  const taken = options.stats ?? "all";
  const sums = taken === "all";
  const stats = taken === "none" ? undefined : emptyStats(cols, sums);
  for (let from = 0; from < rows; from += BLOCK_ROWS) {
    const to = Math.min(rows, from + BLOCK_ROWS);
    for (let i = from, k = from * cols; i < to; i++) {
      const row = values[i];
      if (!Array.isArray(row) || row.length !== cols) {
        const got = Array.isArray(row) ? row.length : 0;
        fail(
          argument,
          { zh: `有 ${got} 列，第 1 行有 ${cols} 列`, en: `has ${got} columns, row 1 has ${cols}` },
          i + 1
        );
      }
      // Numbers are stored as they are; x − x sums to NaN once one is NaN or ±∞. A row with anything
      // else is read again cell by cell. (A conditional store per cell is three times slower in V8.)
      let finite = 0;
      let j = 0;
      for (; j < cols; j++) {
        const x = row[j];
        if (typeof x !== "number") break;
        data[k + j] = x;
        finite += x - x;
      }
      if (j < cols || finite !== 0) {
        for (j = 0; j < cols; j++) {
          const x = row[j];
          data[k + j] =
            typeof x === "number" && x - x === 0
              ? x
              : otherCell(x, options, argument, i + 1, j + 1);
        }
      }
      k += cols;
    }
    // The block's column statistics while its cells are still in cache.
    if (stats) accumulate(data, cols, from, to, stats, sums);
  }
  return stats ? { rows, cols, data, stats } : { rows, cols, data };
}

/** Throws naming the first blank (NaN) cell; the methods call this before computing. */
export function requireComplete(m: DecisionMatrix, argument = "matrix"): void {
  const { data, cols } = m;
  for (let k = 0; k < data.length; k++) {
    if (Number.isNaN(data[k])) {
      fail(
        argument,
        { zh: "空单元格", en: "blank cell" },
        Math.floor(k / cols) + 1,
        (k % cols) + 1
      );
    }
  }
}

/**
 * A copy with blank cells filled per criterion: "worst" puts the column's worst observed value
 * (minimum for benefit, maximum for cost), "mean" the column mean. A column with no value at all
 * cannot be filled and is refused.
 */
export function imputeMissing(
  m: DecisionMatrix,
  types: readonly CriterionType[],
  method: "worst" | "mean",
  argument = "matrix"
): DecisionMatrix {
  checkLength(types.length, m.cols, "types");
  const out = new Float64Array(m.data);
  for (let j = 0; j < m.cols; j++) {
    let sum = 0;
    let count = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < m.rows; i++) {
      const x = m.data[i * m.cols + j];
      if (Number.isNaN(x)) continue;
      sum += x;
      count++;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (count === 0) {
      fail(argument, {
        zh: `第 ${j + 1} 列整列为空，无法填补`,
        en: `column ${j + 1} is blank throughout`,
      });
    }
    const fill = method === "mean" ? sum / count : types[j] === 1 ? min : max;
    for (let i = 0; i < m.rows; i++)
      if (Number.isNaN(out[i * m.cols + j])) out[i * m.cols + j] = fill;
  }
  return { rows: m.rows, cols: m.cols, data: out };
}

/** Cells of a row or column range (or a plain list, or a single value) as one list. */
export function toVector(values: unknown, argument: string): unknown[] {
  if (!Array.isArray(values)) return [values];
  if (values.length === 0) return fail(argument, { zh: "为空", en: "is empty" });
  if (!Array.isArray(values[0])) return values;
  const rows = values as unknown[][];
  if (rows.length === 1) return rows[0];
  if (rows.every((r) => Array.isArray(r) && r.length === 1)) return rows.map((r) => r[0]);
  return fail(argument, {
    zh: `应为一行或一列，实为 ${rows.length} 行 × ${rows[0].length} 列`,
    en: `expected one row or one column, got ${rows.length} × ${rows[0].length}`,
  });
}

/** Throws unless an argument has one entry per criterion. */
export function checkLength(length: number, cols: number, argument: string): void {
  if (length !== cols) {
    fail(argument, {
      zh: `有 ${length} 项，但矩阵有 ${cols} 个指标（列）`,
      en: `has ${length} entries but the matrix has ${cols} criteria (columns)`,
    });
  }
}

const TYPE_WORDS: Record<string, CriterionType> = {
  "1": 1,
  "+": 1,
  "+1": 1,
  max: 1,
  benefit: 1,
  正: 1,
  效益: 1,
  效益型: 1,
  越大越好: 1,
  "-1": -1,
  "-": -1,
  min: -1,
  cost: -1,
  负: -1,
  成本: -1,
  成本型: -1,
  越小越好: -1,
};

/**
 * Criterion types from cells: 1 / -1, "+" / "-", "max" / "min", "benefit" / "cost", 效益 / 成本,
 * 越大越好 / 越小越好. A row or a column; one per criterion when `cols` is given.
 */
export function toTypes(values: unknown, cols?: number, argument = "types"): CriterionType[] {
  const cells = toVector(values, argument);
  if (cols !== undefined) checkLength(cells.length, cols, argument);
  return cells.map((v, j) => {
    const key =
      typeof v === "number" ? String(v) : typeof v === "string" ? v.trim().toLowerCase() : "";
    const t = TYPE_WORDS[key];
    if (t === undefined) {
      fail(
        argument,
        {
          zh: `无法识别 ${JSON.stringify(v)}，应为 1/-1、"+"/"-" 或 "max"/"min"`,
          en: `cannot read ${JSON.stringify(v)}; use 1/-1, "+"/"-" or "max"/"min"`,
        },
        undefined,
        j + 1
      );
    }
    return t;
  });
}

/**
 * Weights from cells (a row or a column), checked and scaled to sum to 1 (unless `rescale` is false):
 * one per criterion when `cols` is given, each a finite number ≥ 0, not all zero.
 */
export function toWeights(
  values: unknown,
  cols?: number,
  argument = "weights",
  rescale = true
): Float64Array {
  const cells = toVector(values, argument);
  const w = cells.map((v, j) => {
    const x = cellNumber(v, argument, undefined, j + 1);
    if (Number.isNaN(x)) fail(argument, { zh: "空单元格", en: "blank cell" }, undefined, j + 1);
    return x;
  });
  return normalizeWeights(w, cols, argument, rescale);
}

/**
 * Weights checked (length, finite, ≥ 0, not all zero) and scaled to sum to 1 — or, with `rescale`
 * false, kept as given (pymcdm's methods take weights as they are; WSUM, WPM, WASPAS and CoCoSo
 * scores depend on their scale).
 */
export function normalizeWeights(
  weights: ArrayLike<number>,
  cols?: number,
  argument = "weights",
  rescale = true
): Float64Array {
  if (cols !== undefined) checkLength(weights.length, cols, argument);
  if (weights.length === 0) fail(argument, { zh: "为空", en: "is empty" });
  let sum = 0;
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j];
    if (!Number.isFinite(w))
      fail(
        argument,
        { zh: `应为数字，实为 ${w}`, en: `expected a number, got ${w}` },
        undefined,
        j + 1
      );
    if (w < 0)
      fail(
        argument,
        { zh: `权重不能为负（${w}）`, en: `a weight cannot be negative (${w})` },
        undefined,
        j + 1
      );
    sum += w;
  }
  if (!(sum > 0)) fail(argument, { zh: "权重全为 0", en: "all weights are zero" });
  const out = new Float64Array(weights.length);
  for (let j = 0; j < weights.length; j++) out[j] = rescale ? weights[j] / sum : weights[j];
  return out;
}

/** Types checked against the matrix; all benefit when omitted. */
export function resolveTypes(
  types: readonly CriterionType[] | undefined,
  cols: number
): readonly CriterionType[] {
  if (types === undefined) return new Array<CriterionType>(cols).fill(1);
  checkLength(types.length, cols, "types");
  types.forEach((t, j) => {
    if (t !== 1 && t !== -1)
      fail(
        "types",
        { zh: `应为 1 或 -1，实为 ${t}`, en: `expected 1 or -1, got ${t}` },
        undefined,
        j + 1
      );
  });
  return types;
}

export interface ColumnStats {
  min: Float64Array;
  max: Float64Array;
  /** Σ x² per column (zeros when a scan was not asked for sums). */
  sumSq: Float64Array;
  /** Σ x per column (zeros when a scan was not asked for sums). */
  sum: Float64Array;
  /** Whether sum and sumSq were taken. */
  summed: boolean;
}

/** Rows at a time whose cells a column pass reads while they are in cache (128 × 15 cells: 15 KB). */
const BLOCK_ROWS = 128;

function emptyStats(cols: number, summed: boolean): ColumnStats {
  return {
    summed,
    min: new Float64Array(cols).fill(Infinity),
    max: new Float64Array(cols).fill(-Infinity),
    sumSq: new Float64Array(cols),
    sum: new Float64Array(cols),
  };
}

/**
 * Adds rows [from, to) of row-major data to the statistics, one column at a time: a column's running
 * values stay in registers instead of an array load and store per cell (twice as fast as the row-order
 * loop). Within a column the cells are still taken in row order, so the sums are a row-order loop's
 * bit for bit. Math.min and Math.max carry a blank (NaN) into its column's minimum, which callers look
 * for afterwards (branchless: a third faster than comparing and flagging).
 */
function accumulate(
  data: Float64Array,
  cols: number,
  from: number,
  to: number,
  s: ColumnStats,
  sums: boolean
): void {
  const end = to * cols;
  for (let j = 0; j < cols; j++) {
    let lo = s.min[j];
    let hi = s.max[j];
    if (sums) {
      let sum = s.sum[j];
      let sumSq = s.sumSq[j];
      for (let k = from * cols + j; k < end; k += cols) {
        const x = data[k];
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
        sum += x;
        sumSq += x * x;
      }
      s.sum[j] = sum;
      s.sumSq[j] = sumSq;
    } else {
      for (let k = from * cols + j; k < end; k += cols) {
        const x = data[k];
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    s.min[j] = lo;
    s.max[j] = hi;
  }
}

/**
 * Per-column minimum, maximum and (when asked for, or carried by the matrix) sum and sum of squares;
 * refuses blank cells, naming the first. A matrix from `toMatrix` carries them, and they are copied;
 * otherwise they are taken from the data in one pass.
 */
export function columnRange(
  m: DecisionMatrix,
  argument = "matrix",
  need: { sumSq?: boolean; sum?: boolean } = {}
): ColumnStats {
  const { rows, cols, data } = m;
  const sums = need.sumSq === true || need.sum === true;
  let s = m.stats;
  if (s === undefined || (sums && !s.summed)) {
    s = emptyStats(cols, sums);
    for (let from = 0; from < rows; from += BLOCK_ROWS)
      accumulate(data, cols, from, Math.min(rows, from + BLOCK_ROWS), s, sums);
  }
  for (let j = 0; j < cols; j++) if (s.min[j] !== s.min[j]) requireComplete(m, argument);
  // Copies: callers may change what they are given, and the matrix's own must not change.
  return {
    summed: s.summed,
    min: new Float64Array(s.min),
    max: new Float64Array(s.max),
    sumSq: new Float64Array(s.sumSq),
    sum: new Float64Array(s.sum),
  };
}

/**
 * Per column, Σ (x − shift_j)² (`square`) or Σ (x − shift_j), each column's cells added in row order
 * (x − 0 is x: a zero shift gives the plain sums a row-order loop gives, bit for bit). A block of rows
 * at a time, four columns at a time: a single running sum is one chain of dependent additions, and four
 * overlap (about twice as fast); the last group repeats the last column.
 */
export function columnSums(m: DecisionMatrix, shift: Float64Array, square: boolean): Float64Array {
  const { rows, cols, data } = m;
  const out = new Float64Array(cols);
  const last = cols - 1;
  for (let from = 0; from < rows; from += BLOCK_ROWS) {
    const start = from * cols;
    const end = Math.min(rows, from + BLOCK_ROWS) * cols;
    for (let j0 = 0; j0 < cols; j0 += 4) {
      const j1 = Math.min(j0 + 1, last);
      const j2 = Math.min(j0 + 2, last);
      const j3 = Math.min(j0 + 3, last);
      const c0 = shift[j0];
      const c1 = shift[j1];
      const c2 = shift[j2];
      const c3 = shift[j3];
      let t0 = out[j0];
      let t1 = out[j1];
      let t2 = out[j2];
      let t3 = out[j3];
      for (let k = start; k < end; k += cols) {
        const d0 = data[k + j0] - c0;
        const d1 = data[k + j1] - c1;
        const d2 = data[k + j2] - c2;
        const d3 = data[k + j3] - c3;
        if (square) {
          t0 += d0 * d0;
          t1 += d1 * d1;
          t2 += d2 * d2;
          t3 += d3 * d3;
        } else {
          t0 += d0;
          t1 += d1;
          t2 += d2;
          t3 += d3;
        }
      }
      out[j0] = t0;
      out[j1] = t1;
      out[j2] = t2;
      out[j3] = t3;
    }
  }
  return out;
}

/**
 * Σ x per column, or Σ x² with `squares`: for methods that need no minimum or maximum (MOORA's vector
 * norms, EDAS's means). Carried by a matrix from `toMatrix`; otherwise one pass that neither compares
 * nor keeps a range. A blank (NaN) cell makes its column's total NaN, and only then are the cells
 * scanned for it; a property test holds the totals equal to `columnRange`'s, bit for bit.
 */
export function columnTotals(
  m: DecisionMatrix,
  squares: boolean,
  argument = "matrix"
): Float64Array {
  const { cols } = m;
  let out: Float64Array;
  if (m.stats !== undefined && m.stats.summed) {
    out = new Float64Array(squares ? m.stats.sumSq : m.stats.sum);
  } else {
    out = columnSums(m, new Float64Array(cols), squares);
  }
  for (let j = 0; j < cols; j++) if (out[j] !== out[j]) requireComplete(m, argument);
  return out;
}

/** A copy without row `row` (0-based). */
export function removeRow(m: DecisionMatrix, row: number): DecisionMatrix {
  const data = new Float64Array((m.rows - 1) * m.cols);
  data.set(m.data.subarray(0, row * m.cols), 0);
  data.set(m.data.subarray((row + 1) * m.cols), row * m.cols);
  return { rows: m.rows - 1, cols: m.cols, data };
}

/**
 * How each mapped column is read: the unit its bare numbers are in and where that unit came from
 * (the header, a unit row above or below the table such as "单位：万元、亩", the analyst, or the
 * model's default), and a per-column report of cells read, read with a guess, and unreadable, with
 * the first addresses. Hosts show it in the mapping step and print it; the units it settles go into
 * the mapping's contexts, so scoring reads the cells the same way.
 */
import { AMOUNT_MISSING, AMOUNT_OK, amountValue, parseAmount, unitContext } from "../engine/amount";
import type { AmountValueOut } from "../engine/amount";
import { cellProblem } from "../engine/cells";
import { formatUnit } from "../engine/fx";
import { headerLandUnit, LandUnit, landUnit, MU_PER } from "../engine/land";
import {
  amountOptions,
  areaUnitProblem,
  fieldNames,
  isAreaField,
  isMissingCell,
  isMissingFor,
  plannedHeldProblem,
  rangeProblem,
  readingNote,
  readNumericCell,
} from "../engine/model/fields";
import { stageIndex } from "../engine/answers";
import { readRole } from "../engine/chain";
import { dateProblem, readDateText } from "../engine/dateText";
import { foldText } from "../engine/numerals";
import type {
  AmountContext,
  CellValue,
  ColumnContext,
  FieldDef,
  Label,
  ParseAmountOptions,
  ScoringModel,
} from "../engine/types";
import { cellAddress, columnLetters } from "./a1";
import { cellText } from "./text";
import type {
  ColumnReport,
  ColumnUnit,
  MappedColumn,
  SheetData,
  TableLocation,
  UnitOverride,
  UnitSource,
} from "./types";

/** A unit row found around the table: "单位：万元、亩", "金额单位：万美元", "（单位：亿元）". */
export interface UnitNote {
  address: string;
  text: string;
  amount: Partial<AmountContext> | null;
  land: LandUnit | null;
}

/** A unit statement: 单位：万元、亩 · 金额单位为万美元 · 币种：美元 (what it says runs to the next one). */
const UNIT_PART = /(单位|币种)\s*(?:[:：]|为)\s*/g;
const LIST_SEP = /[、,，;；/\s]+/;
/** How far below the last candidate a unit note may sit. */
const NOTE_ROWS_BELOW = 6;
/** How many addresses a report lists per kind. */
const FIRST = 3;
/** Distinct values remembered per column (bounds the memory of a column of unique amounts). */
const SEEN = 4096;

/**
 * The amount unit and land unit a text states, each part read up to the next statement or a closing
 * bracket: "金额单位：亿元  面积单位：平方米" states both; "币种：美元 单位：万元" means 10 000 US dollars
 * (币种 names the currency, 万元 then only the scale).
 */
function unitsStated(text: string): {
  amount: Partial<AmountContext> | null;
  land: LandUnit | null;
} {
  // exec in a loop, not matchAll (ES2020): the functions bundle runs on ES2017 engines.
  const parts: RegExpExecArray[] = [];
  UNIT_PART.lastIndex = 0;
  for (let m = UNIT_PART.exec(text); m !== null; m = UNIT_PART.exec(text)) parts.push(m);
  let amount: Partial<AmountContext> | null = null;
  let land: LandUnit | null = null;
  let currency: AmountContext["currency"] | undefined;
  parts.forEach((m, k) => {
    const from = m.index + m[0].length;
    const said = text.slice(from, parts[k + 1]?.index ?? text.length).split(/[)）]/)[0];
    for (const item of said.split(LIST_SEP)) {
      if (item === "") continue;
      if (m[1] === "币种") currency ??= unitContext(item)?.currency;
      else {
        land = land ?? landUnit(item);
        amount = amount ?? unitContext(item);
      }
    }
  });
  if (currency !== undefined) amount = { ...(amount ?? {}), currency };
  return { amount, land };
}

/** Unit rows above the header and just below the table. */
export function findUnitNotes(sheet: SheetData, table: TableLocation): UnitNote[] {
  const origin = sheet.origin ?? { row: 0, col: 0 };
  const last = table.dataRows[table.dataRows.length - 1] ?? table.headerRow;
  const rows: number[] = [];
  for (let r = 0; r < table.headerRow; r++) rows.push(r);
  for (let r = last + 1; r <= last + NOTE_ROWS_BELOW && r < sheet.grid.length; r++) rows.push(r);
  const notes: UnitNote[] = [];
  for (const r of rows)
    (sheet.grid[r] ?? []).forEach((cell, c) => {
      if (typeof cell !== "string") return;
      const { amount, land } = unitsStated(foldText(cell));
      if (amount !== null || land !== null)
        notes.push({
          address: cellAddress(origin.row + r, origin.col + c),
          text: cell.trim(),
          amount,
          land,
        });
    });
  return notes;
}

type Kind = "amount" | "land" | "percent" | "other";

function kindOf(field: FieldDef): Kind {
  if (field.type === "amount") return "amount";
  if (field.type === "percent") return "percent";
  if (isAreaField(field)) return "land";
  return "other";
}

const PERCENT: Label = { zh: "%", en: "%" };
const FRACTION: Label = { zh: "小数（1 = 100%）", en: "fraction (1 = 100%)" };

function amountLabel(ctx: Partial<AmountContext>, model: ScoringModel, field: FieldDef): Label {
  const cur = ctx.currency ?? model.currency;
  const m = ctx.multiplier ?? 1;
  // A field counted per 亩 says so: 万元/亩, or the header's 元/平方米.
  const per = field.per === undefined ? "" : `/${ctx.perArea ?? field.per}`;
  return { zh: formatUnit(cur, m, "zh") + per, en: formatUnit(cur, m, "en") + per };
}

const landLabel = (u: LandUnit): Label => ({ zh: u, en: u === "亩" ? "mu" : u });

/** The analyst's unit for a field, by field id, zh or en label, or the header text. */
function overrideFor(units: UnitOverride, field: FieldDef, header: string): string | null {
  for (const key of [field.id, field.label.zh, field.label.en, header])
    if (units[key] !== undefined) return units[key];
  return null;
}

/** A bare number: the cells a column unit applies to. */
function isBare(cell: CellValue): boolean {
  if (typeof cell === "number") return true;
  return typeof cell === "string" && /^\s*[+-]?[\d,，.]+\s*$/.test(cell) && /\d/.test(cell);
}

/** The unit of one mapped column and the context bare numbers are read in. */
function resolveUnit(
  m: MappedColumn,
  field: FieldDef,
  cells: CellValue[],
  notes: UnitNote[],
  units: UnitOverride,
  model: ScoringModel,
  headerAddress: string
): { unit: ColumnUnit | undefined; context: Partial<ColumnContext> | undefined } {
  const kind = kindOf(field);
  const user = overrideFor(units, field, m.header);
  const made = (
    label: Label,
    source: UnitSource,
    context: Partial<AmountContext> | undefined,
    address?: string
  ) => ({ unit: { label, source, ...(address ? { address } : {}) }, context });
  if (kind === "amount") {
    // A column several fields share (预期效益) stays one whatever its unit.
    const shared = m.context?.labelled === true ? { labelled: true } : {};
    const userCtx = user !== null ? unitContext(foldText(user)) : null;
    if (userCtx !== null)
      return made(amountLabel(userCtx, model, field), "user", { ...userCtx, ...shared });
    const header = m.context;
    if (header?.multiplier !== undefined || header?.currency !== undefined)
      return made(amountLabel(header, model, field), "header", header, headerAddress);
    const note = notes.find((n) => n.amount !== null);
    if (note)
      return made(
        amountLabel(note.amount!, model, field),
        "note",
        { ...note.amount!, ...shared },
        note.address
      );
    const assumed = { multiplier: model.amountMultiplier, currency: model.currency, ...shared };
    return made(amountLabel(assumed, model, field), "default", assumed);
  }
  if (kind === "land") {
    const fromUser = user !== null ? landUnit(user) : null;
    const fromHeader = headerLandUnit(m.header);
    const note = notes.find((n) => n.land !== null);
    const [u, source, address]: [LandUnit, UnitSource, string | undefined] =
      fromUser !== null
        ? [fromUser, "user", undefined]
        : fromHeader !== null
          ? [fromHeader, "header", headerAddress]
          : note
            ? [note.land!, "note", note.address]
            : ["亩", "default", undefined];
    return made(landLabel(u), source, { multiplier: MU_PER[u] }, address);
  }
  if (kind === "percent") {
    if (user !== null) {
      const fraction = /^(小数|fraction|1)$/i.test(user.trim());
      return made(fraction ? FRACTION : PERCENT, "user", { multiplier: fraction ? 1 : 0.01 });
    }
    if (m.context?.multiplier !== undefined)
      return made(PERCENT, "header", m.context, headerAddress);
    // 3.5 is 3.5%; a column whose bare numbers are all ≤ 1 is written in fractions (0.035).
    // Without values (a header alone) each cell is read by itself: > 1 a percent, else a fraction.
    const bare = cells.filter(isBare).map((c) => Number(String(c).replace(/[,，]/g, "")));
    if (bare.length === 0) return { unit: undefined, context: m.context };
    const fractions = bare.length > 0 && bare.every((v) => Math.abs(v) <= 1);
    return made(fractions ? FRACTION : PERCENT, "rule", { multiplier: fractions ? 1 : 0.01 });
  }
  return { unit: undefined, context: m.context };
}

const amountOut: AmountValueOut = { status: AMOUNT_OK, currency: null, exact: false };

/**
 * One cell: read, read with a note (a bound, a range … said in the explanation), read with a guessed
 * unit, missing, or unreadable (with why). `options`: the column's amount options (amountOptions),
 * made once per column.
 */
function classify(
  cell: CellValue,
  field: FieldDef,
  context: Partial<ColumnContext> | undefined,
  options: ParseAmountOptions,
  guessedUnit: boolean,
  model: ScoringModel
): "read" | "noted" | "guessed" | "missing" | Label {
  const numeric = field.type === "amount" || field.type === "number" || field.type === "percent";
  const problem = cellProblem(cell, numeric);
  if (problem !== null) return problem;
  if (isMissingFor(cell, field)) return "missing";
  if (field.type === "amount") {
    // The engine's value-only reader (proven equal to parseAmount) settles most cells; the parser
    // runs only for the message of a cell that cannot be read.
    amountValue(cell, options, amountOut);
    if (amountOut.status === AMOUNT_MISSING) return "missing";
    if (amountOut.status !== AMOUNT_OK) {
      const r = parseAmount(cell, options);
      if (!r.ok) return r.code === "missing" ? "missing" : r.message;
    }
    if (!amountOut.exact) return "noted";
  } else if (field.reader === "stage") {
    if (readingNote(cell, field, context, model) !== null) return "noted";
    if (stageIndex(cell, model) < 0)
      return {
        zh: `“${cellText(cell)}”未写出模型的任何进度（${stageNames(model, "zh")}）`,
        en: `"${cellText(cell)}" names none of the model's stages (${stageNames(model, "en")})`,
      };
  } else if (numeric || (field.type === "boolean" && field.reader !== "veto")) {
    // A veto or credit column reads any content as a veto (its text is the reason): nothing is unreadable there.
    const v = readNumericCell(cell, field, context, model);
    if (Number.isNaN(v))
      return (
        areaUnitProblem(cell, field) ??
        plannedHeldProblem(cell, field) ?? {
          zh: `“${cellText(cell)}”无法读作${field.label.zh}`,
          en: `"${cellText(cell)}" cannot be read as ${field.label.en}`,
        }
      );
    const outside = rangeProblem(v, field);
    if (outside !== null) return outside;
    if (readingNote(cell, field, context, model) !== null) return "noted";
  } else if (field.type === "date") {
    // 明年一季度, 3月3日, 已签约: no day, and never quietly none.
    const names = fieldNames(field);
    if (readDateText(cell, names) === null) return dateProblem(cell, field.label, names);
    if (readingNote(cell, field, context, model) !== null) return "noted";
  } else if (field.type === "boolean" && readingNote(cell, field, context, model) !== null)
    return "noted";
  else if (model.chain && field.id === model.chain.roleField) {
    // 非链主 or, in a yes/no role column (是否链主), 是 and 否: read with a note; an intention or other text unread.
    const r = readRole(cellText(cell), model.chain, context?.yesRole);
    if (r.problem) return r.problem;
    if (r.note) return "noted";
  }
  return guessedUnit && isBare(cell) ? "guessed" : "read";
}

const stageNames = (model: ScoringModel, lang: "zh" | "en"): string =>
  (model.stages ?? []).map((st) => st.label[lang]).join(lang === "zh" ? "、" : ", ");

/**
 * Settles each mapped column's unit, records its letter and a sample value, and reports how its
 * cells read. Returns the columns with their final contexts, the report, and warnings (a unit
 * assumed for bare numbers; unreadable cells).
 */
export function readColumns(
  sheet: SheetData,
  table: TableLocation,
  mapped: MappedColumn[],
  model: ScoringModel,
  units: UnitOverride = {}
): { mapped: MappedColumn[]; report: ColumnReport[]; warnings: Label[] } {
  const origin = sheet.origin ?? { row: 0, col: 0 };
  const notes = findUnitNotes(sheet, table);
  const fields = new Map(model.fields.map((f) => [f.id, f]));
  const report: ColumnReport[] = [];
  const warnings: Label[] = [];
  const out = mapped.map((m) => {
    const field = fields.get(m.field);
    const letter = columnLetters(origin.col + m.column);
    const cells = table.dataRows.map((r) => sheet.grid[r]?.[m.column] ?? null);
    const sample = cells.find((c) => !isMissingCell(c)) ?? null;
    if (field === undefined) return { ...m, letter, sample };
    const headerRow = table.headerRowOf?.[m.column] ?? table.headerRow;
    const headerAddress = cellAddress(origin.row + headerRow, origin.col + m.column);
    const resolved = resolveUnit(m, field, cells, notes, units, model, headerAddress);
    const { unit } = resolved;
    const guessedUnit = unit !== undefined && (unit.source === "default" || unit.source === "rule");
    // The context scoring reads with (the unit's source named): notes here say what explanations say.
    const context =
      unit && resolved.context !== undefined
        ? { ...resolved.context, source: unitSourceLabel(unit), guess: guessedUnit }
        : resolved.context;
    const col: ColumnReport = {
      field: m.field,
      column: m.column,
      letter,
      header: m.header,
      ...(context?.labelled === true ? { shared: field.label } : {}),
      sample,
      ...(unit ? { unit } : {}),
      read: 0,
      noted: 0,
      guessed: 0,
      missing: 0,
      unreadable: 0,
      firstNoted: [],
      firstGuessed: [],
      firstUnreadable: [],
    };
    // Lists repeat their values (是/否, stages, countries): each distinct value is read once.
    const seen = new Map<CellValue, ReturnType<typeof classify>>();
    const options = amountOptions(context, field);
    const address = (i: number) =>
      cellAddress(origin.row + table.dataRows[i], origin.col + m.column);
    cells.forEach((cell, i) => {
      let c = seen.get(cell);
      if (c === undefined) {
        c = classify(cell, field, context, options, guessedUnit, model);
        if (seen.size < SEEN) seen.set(cell, c);
      }
      if (c === "read" || c === "missing") col[c]++;
      else if (c === "noted") {
        col.noted++;
        // The note is built for the cells shown only: most of a long column is counted, not shown.
        if (col.firstNoted.length < FIRST)
          col.firstNoted.push({
            address: address(i),
            note: readingNote(cell, field, context, model) as Label,
          });
      } else if (c === "guessed") {
        col.guessed++;
        if (col.firstGuessed.length < FIRST) col.firstGuessed.push(address(i));
      } else {
        col.unreadable++;
        if (col.firstUnreadable.length < FIRST)
          col.firstUnreadable.push({ address: address(i), reason: c });
      }
    });
    report.push(col);
    if (unit?.source === "default" && field.type === "amount" && col.guessed > 0)
      warnings.push({
        zh: `${letter} 列「${m.header}」为不带单位的数，未找到单位，按 ${unit.label.zh} 读取（可在映射中或用 --unit ${field.label.zh}=万元 指定）`,
        en: `column ${letter} "${m.header}" holds bare numbers and no unit was found: read as ${unit.label.en} (set it in the mapping or with --unit ${field.label.zh}=万元)`,
      });
    const named = col.shared ? { zh: `（${col.shared.zh}）`, en: ` (${col.shared.en})` } : null;
    if (col.unreadable > 0)
      warnings.push({
        zh: `${letter} 列「${m.header}」${named?.zh ?? ""}有 ${col.unreadable} 个单元格无法读取（${col.firstUnreadable.map((u) => u.address).join("、")}…）`,
        en: `column ${letter} "${m.header}"${named?.en ?? ""}: ${col.unreadable} cell(s) unreadable (${col.firstUnreadable.map((u) => u.address).join(", ")}…)`,
      });
    const next: MappedColumn = { ...m, letter, sample, ...(unit ? { unit } : {}) };
    if (context !== undefined) next.context = context;
    return next;
  });
  return { mapped: out, report, warnings };
}

const SOURCE_LABEL: Record<UnitSource, Label> = {
  header: { zh: "表头", en: "header" },
  note: { zh: "单位行", en: "unit row" },
  user: { zh: "指定", en: "given" },
  rule: { zh: "规则", en: "rule" },
  default: { zh: "模型默认，假定", en: "model default, assumed" },
};

/** "单位行 A2", "header C3", "model default, assumed": where a column's unit came from. */
export function unitSourceLabel(unit: ColumnUnit): Label {
  const at = unit.address ? ` ${unit.address}` : "";
  return {
    zh: `${SOURCE_LABEL[unit.source].zh}${at}`,
    en: `${SOURCE_LABEL[unit.source].en}${at}`,
  };
}

/** The counts after 已读, in the order the report line names them. */
const COUNTS: { key: "noted" | "guessed" | "missing" | "unreadable"; label: Label }[] = [
  { key: "noted", label: { zh: "带说明", en: "with a note" } },
  { key: "guessed", label: { zh: "猜测", en: "guessed" } },
  { key: "missing", label: { zh: "空缺", en: "missing" } },
  { key: "unreadable", label: { zh: "无法读取", en: "unreadable" } },
];

/**
 * "已读 40，带说明 5，无法读取 1": one column's counts, as the CLI prints and the pane shows them.
 * 已读 always; the others only when not 0, so a line says what needs a look. 带说明 (with a note)
 * counts the cells read with a bound, range or other guess the explanation states; they are not
 * counted as read.
 */
export function readingCounts(c: ColumnReport, lang: "zh" | "en"): string {
  const parts = [`${lang === "zh" ? "已读" : "read"} ${c.read}`];
  for (const { key, label } of COUNTS) if (c[key] > 0) parts.push(`${label[lang]} ${c[key]}`);
  return parts.join(lang === "zh" ? "，" : ", ");
}

/** One column's counts as `zs-score --json` gives them (README › Command line). */
export interface ReadingJson {
  field: string;
  letter: string;
  header: string;
  read: number;
  noted: number;
  guessed: number;
  missing: number;
  unreadable: number;
  /** The first unreadable cells, with why (in the output's language). */
  firstUnreadable: { address: string; reason: string }[];
}

/** The reading report as data: one object per mapped column, for the CLI's JSON output. */
export function readingJson(report: ColumnReport[], lang: "zh" | "en"): ReadingJson[] {
  return report.map((c) => ({
    field: c.field,
    letter: c.letter,
    header: c.header,
    read: c.read,
    noted: c.noted,
    guessed: c.guessed,
    missing: c.missing,
    unreadable: c.unreadable,
    firstUnreadable: c.firstUnreadable.map((u) => ({ address: u.address, reason: u.reason[lang] })),
  }));
}

/** The reading report as lines of text (the CLI prints it; the pane shows the same data). */
export function formatReadingReport(report: ColumnReport[], lang: "zh" | "en"): string {
  const zh = lang === "zh";
  const lines = [zh ? "单元格读取：" : "How cells were read:"];
  for (const c of report) {
    const unit = c.unit
      ? `${zh ? "单位" : "unit"} ${c.unit.label[lang]}（${unitSourceLabel(c.unit)[lang]}）`
      : "";
    const sample = c.sample === null ? "" : `${zh ? "例" : "e.g."} ${cellText(c.sample)}`;
    const counts = readingCounts(c, lang);
    const shared = c.shared ? ` → ${c.shared[lang]}` : "";
    lines.push(
      `  ${c.letter} ${c.header}${shared}: ${[unit, sample, counts].filter((x) => x).join("; ")}`
    );
    for (const n of c.firstNoted) lines.push(`    ~ ${n.address}: ${n.note[lang]}`);
    if (c.firstGuessed.length > 0)
      lines.push(`    ? ${zh ? "猜测" : "guessed"}: ${c.firstGuessed.join(", ")}`);
    for (const u of c.firstUnreadable) lines.push(`    ! ${u.address}: ${u.reason[lang]}`);
  }
  return lines.join("\n");
}

/**
 * What the mapping step shows for every model field (key fields first): the column chosen with its
 * letter and a sample value, the unit and where it came from, what leaving the field unmapped does,
 * and which unrecognised columns look like a field. Pure: built from the located table and model.
 */
import { resolveStage } from "../engine";
import { formatUnit } from "../engine/fx";
import type { CellValue, FieldDef, Label, Lang, ScoringModel } from "../engine";
import { columnLetters } from "../workbook";
import { unitSourceLabel } from "../workbook/reading";
import { dice, looseText } from "../workbook/text";
import type { ColumnReport, MappedColumn } from "../workbook/types";
import type { Table } from "./session";

export interface ColumnChoice {
  /** Grid column. */
  column: number;
  letter: string;
  header: string;
  /** The first non-blank cell below the header, as written ("" when the column is empty). */
  sample: string;
}

export interface FieldInfo {
  field: FieldDef;
  mapped: MappedColumn | null;
  /** "万美元（表头）", "万元（模型默认）", "亩" … null when the field has no unit. */
  unit: string | null;
  /** What happens when the field has no column. */
  ifUnmapped: string;
  /** Unused columns that look like this field, best first. */
  suggestions: ColumnChoice[];
  /** How the mapped column's cells read (the workbook layer's report, as the CLI prints it). */
  reading: ColumnReport | null;
}

export interface MappingInfo {
  columns: ColumnChoice[];
  key: FieldInfo[];
  optional: FieldInfo[];
}

const L = (zh: string, en: string): Label => ({ zh, en });

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** Share of characters two headers have in common (Dice over characters, loose forms). */
function overlap(a: string, b: string): number {
  return dice([...looseText(a)], [...looseText(b)]);
}

/** A header shares at least half its characters with the field's names. */
const SUGGEST_FROM = 0.5;
/** A column whose cells mostly name pipeline stages is a stage column, whatever its header. */
const STAGE_SHARE = 0.6;

/** Which criteria, gates, bonuses and flags read a field (directly or through a derived field). */
function readersOf(model: ScoringModel, id: string): { criteria: string[]; rules: string[] } {
  const word = new RegExp(`\\b${id}\\b`);
  const derived = model.derived.filter((d) => word.test(d.expression)).map((d) => d.id);
  const uses = (f: string) => f === id || derived.includes(f);
  const chainFields = model.chain
    ? [model.chain.chainField, model.chain.roleField, ...model.chain.textFields]
    : [];
  const criteria = model.criteria.filter(
    (c) => uses(c.field) || (c.transform.type === "chain" && chainFields.includes(id))
  );
  const exprUses = (e: string) =>
    word.test(e) || derived.some((d) => new RegExp(`\\b${d}\\b`).test(e));
  const rules = [
    ...model.gates.filter((g) => exprUses(g.pass) || exprUses(g.appliesWhen ?? "")),
    ...model.bonuses.filter((b) => exprUses(b.when)),
    ...model.flags.filter((f) => exprUses(f.when)),
  ];
  return { criteria: criteria.map((c) => c.id), rules: rules.map((r) => r.id) };
}

function consequence(model: ScoringModel, field: FieldDef, lang: Lang): string {
  const { criteria, rules } = readersOf(model, field.id);
  const label = (id: string) =>
    (model.criteria.find((c) => c.id === id)?.label ??
      [...model.gates, ...model.bonuses, ...model.flags].find((r) => r.id === id)?.label ??
      L(id, id))[lang];
  const policy: Record<string, Label> = {
    zero: L("按 0 分计", "count as 0"),
    neutral: L("按中性值计", "count as neutral"),
    mean: L("按本列平均值计", "count as the column mean"),
    renormalize: L("不计入（权重给同维度其他指标）", "are left out (weight goes to the rest)"),
  };
  const parts: string[] = [];
  const byPolicy = new Map<string, string[]>();
  for (const id of criteria) {
    const p = model.criteria.find((c) => c.id === id)!.missing;
    byPolicy.set(p, [...(byPolicy.get(p) ?? []), label(id)]);
  }
  for (const [p, names] of byPolicy)
    parts.push(
      lang === "zh" ? `${names.join("、")}${policy[p].zh}` : `${names.join(", ")} ${policy[p].en}`
    );
  if (rules.length > 0)
    parts.push(
      lang === "zh"
        ? `${rules.map(label).join("、")}无法判定`
        : `${rules.map(label).join(", ")} cannot be decided`
    );
  if (field.id === "name")
    parts.push(lang === "zh" ? "列表中以行号代替项目名称" : "the list shows row numbers for names");
  if (field.id === "stage")
    parts.push(
      lang === "zh"
        ? "目标进度和“若前 k 名签约”无法计算"
        : "target progress and the top-k projection cannot be worked out"
    );
  if (parts.length === 0)
    return lang === "zh" ? "不影响评分，仅供查看" : "no effect on scores; for reference";
  return (
    (lang === "zh" ? "不映射时：" : "If left unmapped: ") + parts.join(lang === "zh" ? "；" : "; ")
  );
}

function unitOf(
  model: ScoringModel,
  field: FieldDef,
  m: MappedColumn | null,
  lang: Lang
): string | null {
  const zh = lang === "zh";
  // The workbook layer settled the unit and says where it came from (header, unit row, analyst, default).
  if (m?.unit) {
    const u = m.unit;
    return zh
      ? `${u.label.zh}（${unitSourceLabel(u).zh}）`
      : `${u.label.en} (${unitSourceLabel(u).en})`;
  }
  if (field.type === "amount") {
    const c = m?.context;
    if (c && (c.multiplier !== undefined || c.currency !== undefined)) {
      const u = formatUnit(c.currency ?? model.currency, c.multiplier ?? 1, lang);
      return zh ? `${u}（表头）` : `${u} (header)`;
    }
    return zh
      ? `按单元格所写（如“1500万美元”）；纯数字按 ${formatUnit(model.currency, model.amountMultiplier, lang)}`
      : `as each cell writes it (e.g. 1500万美元); bare numbers in ${formatUnit(model.currency, model.amountMultiplier, lang)}`;
  }
  if (field.type === "percent") return "%";
  return field.unit ? (zh ? `${field.unit}（模型）` : `${field.unit} (model)`) : null;
}

export function mappingInfo(table: Table, model: ScoringModel, lang: Lang): MappingInfo {
  const { location, mapping, read } = table;
  const origin = read.table.origin ?? { row: 0, col: 0 };
  const grid = read.table.grid;
  const columns: ColumnChoice[] = [];
  for (let c = location.firstCol; c <= location.lastCol; c++) {
    const header = text(location.headers[c]);
    if (header === "") continue;
    const row = location.dataRows.find((r) => text(grid[r]?.[c]) !== "");
    columns.push({
      column: c,
      letter: columnLetters(origin.col + c),
      header,
      sample: row === undefined ? "" : text(grid[row][c]),
    });
  }
  // A ratio column (亩均税收) is never offered for the total it resembles; the select still lists it.
  const unused = new Set(mapping.unused.filter((u) => !u.why).map((u) => u.column));
  const stageLike = columns.filter((ch) => {
    if (!unused.has(ch.column)) return false;
    const cells = location.dataRows.map((r) => grid[r]?.[ch.column]).filter((v) => text(v) !== "");
    return (
      cells.length > 0 &&
      cells.filter((v) => resolveStage(v, model) !== null).length >= STAGE_SHARE * cells.length
    );
  });
  const info = (field: FieldDef): FieldInfo => {
    const m = mapping.mapped.find((x) => x.field === field.id) ?? null;
    const names = [field.label.zh, field.label.en, ...field.aliases];
    const suggestions = m
      ? []
      : columns
          .filter((ch) => unused.has(ch.column))
          .map((ch) => ({
            ch,
            fit: Math.max(
              ...names.map((n) => overlap(ch.header, n)),
              field.id === "stage" && stageLike.includes(ch) ? 1 : 0
            ),
          }))
          .filter((x) => x.fit >= SUGGEST_FROM)
          .sort((a, b) => b.fit - a.fit)
          .map((x) => x.ch);
    return {
      field,
      mapped: m,
      unit: unitOf(model, field, m, lang),
      ifUnmapped: consequence(model, field, lang),
      suggestions,
      reading: (m && mapping.report?.find((r) => r.field === field.id)) ?? null,
    };
  };
  return {
    columns,
    key: model.fields.filter((f) => f.key).map(info),
    optional: model.fields.filter((f) => !f.key).map(info),
  };
}

/** Matching the user's column headers to the model's fields, with units and currency read from the header. */
import { parseHeaderContext } from "../engine/amount";
import { flatMap } from "../engine/es2017";
import { headerLandUnit } from "../engine/land";
import { PER_UNIT_WORD } from "../engine/vocabulary";
import type {
  AmountContext,
  CellValue,
  ChainModel,
  ChainRoleDef,
  ColumnContext,
  FieldDef,
  Label,
  ScoringModel,
} from "../engine/types";
import { markerKey } from "./marker";
import { bigrams, cellText, dice, looseText } from "./text";
import { readColumns } from "./reading";
import type {
  ColumnMapping,
  MappedColumn,
  MappingOverride,
  MatchHow,
  SheetData,
  TableLocation,
  UnitOverride,
} from "./types";

/** Below this a fuzzy match is not taken at all; below GUESS it is reported as a guess. */
const MIN_CONFIDENCE = 0.5;
const GUESS = 0.8;
/** Hidden columns are usually helpers: they map only when nothing visible does, and as a guess. */
const HIDDEN_FACTOR = 0.6;

export interface HeaderMatch {
  confidence: number;
  how: Exclude<MatchHow, "user">;
}

/** A name in loose form with what fuzzy matching reads of it, computed once per name. */
interface Loose {
  text: string;
  /** Characters (code points), not UTF-16 units. */
  chars: number;
  grams: string[];
}

function loose(text: string): Loose {
  return { text, chars: [...text].length, grams: bigrams(text) };
}

interface ParsedHeader {
  text: string;
  /** Loose forms to compare: the header without its unit part, and the whole header. */
  forms: Loose[];
  context?: Partial<AmountContext>;
}

/** 用地面积（平方米）: a land unit in brackets is not part of the name. */
const LAND_BRACKET = /[(（][^()（）]*[)）]\s*$/;

function parseHeader(header: CellValue | undefined): ParsedHeader {
  const text = cellText(header);
  const parsed = parseHeaderContext(text);
  const context = parsed.context;
  const name =
    context === null && headerLandUnit(text) !== null
      ? text.replace(LAND_BRACKET, "").trim()
      : parsed.name;
  const forms = [...new Set([looseText(name), looseText(text)])].filter((f) => f !== "").map(loose);
  const hasContext = context !== undefined && context !== null && Object.keys(context).length > 0;
  return { text, forms, context: hasContext ? context : undefined };
}

function fuzzy(a: Loose, b: Loose): number {
  const [short, long] = a.text.length <= b.text.length ? [a, b] : [b, a];
  const ns = short.chars;
  const nl = long.chars;
  if (ns >= 2 && long.text.includes(short.text)) return 0.55 + 0.35 * (ns / nl);
  // Dice of bigram lists is at most 2·min/(sum) of their lengths: pairs too different in length
  // cannot reach 0.5 (table location compares every short cell of 50 rows with every field).
  const bs = Math.max(ns - 1, 1);
  const bl = Math.max(nl - 1, 1);
  if (4 * bs < bs + bl) return 0;
  const similarity = a.text === b.text ? 1 : dice(a.grams, b.grams);
  return similarity >= 0.5 ? 0.3 + 0.5 * similarity : 0;
}

/** A field's names in loose form, computed once per field (headers are matched against them often). */
const namesOf = new WeakMap<FieldDef, { exact: string[]; aliases: string[]; all: Loose[] }>();
function fieldNames(field: FieldDef): { exact: string[]; aliases: string[]; all: Loose[] } {
  let n = namesOf.get(field);
  if (!n) {
    const exact = [field.label.zh, field.label.en, field.id].map(looseText);
    const aliases = field.aliases.map(looseText);
    n = { exact, aliases, all: [...exact, ...aliases].filter((x) => x !== "").map(loose) };
    namesOf.set(field, n);
  }
  return n;
}

/** A field's shared headers (FieldDef.sharedHeaders) as headers compare. */
const sharedOf = new WeakMap<FieldDef, string[]>();
function isSharedHeader(forms: Loose[], field: FieldDef): boolean {
  if (field.sharedHeaders === undefined) return false;
  let names = sharedOf.get(field);
  if (!names) sharedOf.set(field, (names = field.sharedHeaders.map(looseText)));
  return forms.some((f) => names.includes(f.text));
}

function matchForms(forms: Loose[], field: FieldDef): HeaderMatch | null {
  const { exact, aliases, all } = fieldNames(field);
  let best: HeaderMatch | null = null;
  for (const f of forms) {
    if (exact.includes(f.text)) return { confidence: 1, how: "exact" };
    if (aliases.includes(f.text)) best = { confidence: 0.95, how: "alias" };
  }
  if (best) return best;
  // A guess never crosses measures: 企业上年纳税 shares 企业上年 with 企业上年营收 but is tax, not revenue.
  const measures = measuresOf(forms.map((f) => f.text).join(" "));
  const own = fieldMeasures(field);
  if ((measures & own) === 0 && measures !== 0 && own !== 0) return null;
  // Per 亩 is no measure of its own: 亩产税收 shares 亩 with 亩均产出 but counts tax.
  const counted = measures & own & COUNTED;
  if (counted === 0 && (measures & COUNTED) !== 0 && (own & COUNTED) !== 0) return null;
  let conf = 0;
  for (const f of forms) for (const name of all) conf = Math.max(conf, fuzzy(f, name));
  return conf >= MIN_CONFIDENCE ? { confidence: Math.min(conf, 0.9), how: "fuzzy" } : null;
}

/**
 * What a name counts, one bit per measure: tax, sales or output, foreign capital, land; and which
 * ranked list it names (世界500强排名 is no 中国企业500强 column).
 */
const MEASURES = [
  /税/,
  /营收|营业|销售|产值|产出|收入|revenue|sales|output/i,
  /外资|fdi|foreign/i,
  /用地|土地|亩/,
  /世界|全球|财富|fortune|global/i,
  /中国|china/i,
];
/** The measures that say what is counted (tax, sales or output, foreign capital), not what per. */
const COUNTED = 0b111;
const measuresOf = (text: string): number =>
  MEASURES.reduce((bits, m, i) => (m.test(text) ? bits | (1 << i) : bits), 0);
const measuresByField = new WeakMap<FieldDef, number>();
function fieldMeasures(field: FieldDef): number {
  let m = measuresByField.get(field);
  if (m === undefined) {
    m = measuresOf([field.label.zh, field.label.en, ...field.aliases].join(" "));
    measuresByField.set(field, m);
  }
  return m;
}

/**
 * Headers that qualify what they count, so that a field of the same name is not what they hold: a ratio
 * (亩均税收, 每亩投资, 税收（万元/亩）, 人均产值, 单位能耗产出, 投资强度) is no total — 亩均税收 taken as
 * 年税收 would read 50万元/亩 as 50万元 of tax; "/年" is how totals are written (税收（万元/年）), so it is
 * no ratio. The company's past (上年销售额, 企业上年纳税) is not the project's expected figure — the group's
 * sales taken as the project's 达产营业额 would score the group's size as the project's. Such a header
 * names only a field whose own names are so qualified (亩均税收, 上年营业收入).
 */
const QUALIFIERS: { pattern: RegExp; why: (header: string, field: FieldDef) => Label }[] = [
  {
    pattern: new RegExp(
      `${PER_UNIT_WORD.source}|单位(?:产值|产出|税收)|强度|密度|[/／每]\\s*(?:亩|平方米|平米|㎡|m2|m²|公顷|人|吨|千瓦时|kwh)|\\bper (?:mu|m2|person|capita|head)\\b`,
      "i"
    ),
    why: (header, field) => ({
      zh: `“${header}”是比率（每亩、人均或单位能耗的数），不是${field.label.zh}的总额，未使用`,
      en: `"${header}" is a ratio (per 亩, per person or per unit of energy), not the total ${field.label.en}; not used`,
    }),
  },
  {
    pattern: /上年|去年|上一年|前一年|近[一二两三]年|历年|往年|\b(?:last|previous|prior) years?\b/i,
    why: (header, field) => ({
      zh: `“${header}”是企业过去的数（上年、去年），不是项目的${field.label.zh}，未使用`,
      en: `"${header}" is the company's past figure (last year), not the project's ${field.label.en}; not used`,
    }),
  },
];

/** Per qualifier, whether one of the field's own names is so qualified (computed once per field). */
const qualifiedFields = new WeakMap<FieldDef, boolean[]>();
function fieldQualifiers(field: FieldDef): boolean[] {
  let q = qualifiedFields.get(field);
  if (q === undefined) {
    const names = [field.label.zh, field.label.en, ...field.aliases];
    q = QUALIFIERS.map((k) => names.some((n) => k.pattern.test(n)));
    qualifiedFields.set(field, q);
  }
  return q;
}

/** Why a header may not name a field its name contains, or null when it may. */
function qualifiedWhy(header: string, field: FieldDef): Label | null {
  const own = fieldQualifiers(field);
  const k = QUALIFIERS.findIndex((q, i) => !own[i] && q.pattern.test(header));
  return k < 0 ? null : QUALIFIERS[k].why(header, field);
}

/** A table of headers and no rows, for reading units from headers alone. */
function headerOnly(headers: CellValue[], hidden: number[]): TableLocation {
  return {
    headerRow: 0,
    headers,
    firstCol: 0,
    lastCol: headers.length - 1,
    dataRows: [],
    skippedRows: [],
    ownColumns: [],
    hiddenColumns: hidden,
  };
}

/** How well one header names a field (null: not at all). */
export function matchHeader(header: CellValue | undefined, field: FieldDef): HeaderMatch | null {
  return matchForms(parseHeader(header).forms, field);
}

/** The bigrams of each field's names, once per field. */
const gramsOf = new WeakMap<FieldDef, Set<string>>();
function fieldGrams(field: FieldDef): Set<string> {
  let g = gramsOf.get(field);
  if (!g) {
    g = new Set(flatMap(fieldNames(field).all, (n) => n.grams));
    gramsOf.set(field, g);
  }
  return g;
}

/** The field a header names best and how well (0 and "" for none; the first field wins ties). */
export function bestField(
  header: CellValue,
  fields: FieldDef[]
): { confidence: number; field: string } {
  const { forms } = parseHeader(header);
  let best = { confidence: 0, field: "" };
  // Every kind of match (equal, contained, Dice ≥ 0.5) shares a bigram with one of the field's
  // names: most cells of the rows searched for the header share none with most fields.
  const grams = flatMap(forms, (f) => f.grams);
  for (const f of fields) {
    const names = fieldGrams(f);
    if (!grams.some((g) => names.has(g))) continue;
    const m = matchForms(forms, f);
    if (m && m.confidence > best.confidence) best = { confidence: m.confidence, field: f.id };
  }
  return best;
}

/** How well a yes/no role header (是否链主) names the role field: as an alias does. */
export const ROLE_QUESTION = 0.95;
/** A column several fields share, by its header (预期效益): as sure as an alias. */
export const SHARED_HEADER = 0.95;

/** The first field a header names as a column several fields share (预期效益), or null. */
export function sharedHeaderField(
  header: CellValue | undefined,
  fields: FieldDef[]
): FieldDef | null {
  const forms = parseHeader(header).forms;
  return fields.find((f) => isSharedHeader(forms, f)) ?? null;
}

/** 是否 / 是否为 / is before a role's name, asking whether the company holds it. */
const ASKS = /^(?:是否(?:为|是|属于)?|is)/;
/** A yes/no marker after a role's name: （是/否）, (Y/N), (yes/no), ？ (loose: brackets and / gone). */
const YES_NO_MARK = /(?:是否|是或否|yn|yesno)?\??$/;
const COMPANY = /(?:企业|公司)$/;

/** Each role's names (label, id, aliases) in loose form without a trailing 企业, once per model. */
const roleNamesOf = new WeakMap<ChainModel, { role: ChainRoleDef; names: string[] }[]>();
function roleNames(chain: ChainModel): { role: ChainRoleDef; names: string[] }[] {
  let n = roleNamesOf.get(chain);
  if (!n) {
    n = chain.roles.map((role) => ({
      role,
      names: [role.label.zh, role.label.en, role.id, ...role.aliases]
        .map((x) => looseText(x).replace(COMPANY, ""))
        .filter((x) => x !== ""),
    }));
    roleNamesOf.set(chain, n);
  }
  return n;
}

/**
 * The role a yes/no header asks after (是否链主, 是否为龙头企业, 链主企业（是/否）, Leader (Y/N)): a
 * question or a yes/no marker around exactly one of the model's role names. Null for any other
 * header (链主企业名称, 是否签约, 链上定位).
 */
export function askedRole(header: CellValue | undefined, chain: ChainModel): ChainRoleDef | null {
  const t = looseText(cellText(header));
  const ask = ASKS.exec(t)?.[0] ?? "";
  const mark = YES_NO_MARK.exec(t.slice(ask.length))?.[0] ?? "";
  if (ask === "" && mark === "") return null;
  const core = t.slice(ask.length, t.length - mark.length).replace(COMPANY, "");
  if (core === "") return null;
  return roleNames(chain).find((r) => r.names.includes(core))?.role ?? null;
}

/** The sheet a mapping is read against, so it can settle units and report how cells read. */
export interface MappingSheet {
  sheet: SheetData;
  table: TableLocation;
  /** The analyst's units (CLI --unit 总投资=万元, the pane's unit choice). */
  units?: UnitOverride;
}

/**
 * Maps header columns to model fields: a user's override first, then the best matches, one column
 * per field and one field per column. `hidden` lists hidden grid columns. With `on`, each mapped
 * column also gets its letter, a sample, its unit and the unit's source, and the mapping a reading
 * report (see reading.ts).
 */
export function mapColumns(
  headers: CellValue[],
  model: ScoringModel,
  override: MappingOverride = {},
  hidden: number[] = [],
  on?: MappingSheet
): ColumnMapping {
  const hiddenSet = new Set(hidden);
  const parsed = headers.map(parseHeader);
  // Our result columns (named or tagged) are never the user's fields.
  const ours = new Set((on?.table.ownColumns ?? []).map((x) => x.col));
  const usable = (c: number) =>
    parsed[c] !== undefined &&
    parsed[c].text !== "" &&
    !ours.has(c) &&
    markerKey(headers[c]) === null;

  // Yes/no columns asking after one chain role (是否链主) read into the role field: a yes is that role.
  const chain = model.chain;
  const asked = headers.map((h) => (chain ? askedRole(h, chain) : null));
  const roleContext = (c: number) => ({ ...parsed[c]?.context, yesRole: asked[c]!.id });
  // Columns several amount fields share (预期效益), and the fields: read by the labels in their cells.
  const sharedBy = parsed.map((p) =>
    p === undefined ? [] : model.fields.filter((f) => isSharedHeader(p.forms, f))
  );
  const sharedContext = (c: number) => ({ ...parsed[c]?.context, labelled: true });

  const chosen = new Map<string, MappedColumn>();
  const taken = new Set<number>();
  const leftOut = new Set<string>();
  for (const [field, col] of Object.entries(override)) {
    if (!model.fields.some((f) => f.id === field)) continue;
    if (col === null) {
      leftOut.add(field);
      continue;
    }
    const p = parsed[col] ?? { text: "", forms: [] };
    chosen.set(field, {
      field,
      column: col,
      header: p.text,
      confidence: 1,
      how: "user",
      context:
        field === chain?.roleField && asked[col]
          ? roleContext(col)
          : sharedBy[col]?.some((f) => f.id === field)
            ? sharedContext(col)
            : p.context,
    });
    taken.add(col);
  }

  const pairs: MappedColumn[] = [];
  const notNaming = new Map<number, Label>();
  for (const field of model.fields) {
    if (chosen.has(field.id) || leftOut.has(field.id)) continue;
    for (let c = 0; c < parsed.length; c++) {
      if (!usable(c) || taken.has(c)) continue;
      const m = matchForms(parsed[c].forms, field);
      // A yes/no role header or a shared one is no fuzzy match of anything (below).
      if (!m || ((asked[c] || sharedBy[c].length > 0) && m.how === "fuzzy")) continue;
      // A header stating a currency (外资（万美元）) holds amounts: no country, yes/no or text field.
      if (parsed[c].context?.currency !== undefined && field.type !== "amount") continue;
      const why = qualifiedWhy(parsed[c].text, field);
      if (why) {
        if (!notNaming.has(c)) notNaming.set(c, why);
        continue;
      }
      const confidence = hiddenSet.has(c) ? m.confidence * HIDDEN_FACTOR : m.confidence;
      pairs.push({
        field: field.id,
        column: c,
        header: parsed[c].text,
        confidence,
        how: m.how,
        context: parsed[c].context,
      });
    }
  }
  // Greedy on confidence; ties go to the earlier field of the model, then the left column.
  const fieldOrder = new Map(model.fields.map((f, i) => [f.id, i]));
  pairs.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      fieldOrder.get(a.field)! - fieldOrder.get(b.field)! ||
      a.column - b.column
  );
  for (const p of pairs) {
    if (chosen.has(p.field) || taken.has(p.column)) continue;
    chosen.set(p.field, p);
    taken.add(p.column);
  }
  // A column of the role itself (链上定位) wins; without one, the first yes/no role column, visible first.
  const askers = asked
    .map((_, c) => c)
    .filter((c) => asked[c] !== null && usable(c) && !taken.has(c))
    .sort((a, b) => Number(hiddenSet.has(a)) - Number(hiddenSet.has(b)) || a - b);
  // A field mapped by what its header asks (是否链主) or shares (预期效益): as sure as an alias.
  const byHeader = (
    field: string,
    c: number,
    confidence: number,
    context: Partial<ColumnContext>
  ) =>
    chosen.set(field, {
      field,
      column: c,
      header: parsed[c].text,
      confidence: hiddenSet.has(c) ? confidence * HIDDEN_FACTOR : confidence,
      how: "alias",
      context,
    });
  if (chain && askers.length > 0 && !chosen.has(chain.roleField) && !leftOut.has(chain.roleField)) {
    byHeader(chain.roleField, askers[0], ROLE_QUESTION, roleContext(askers[0]));
    taken.add(askers[0]);
  }

  // A column several fields share (预期效益: 达产后年产值10亿元，税收5000万元): each of its fields with
  // no column of its own reads from it the figure its cells label with the field's names.
  const shared = new Set<number>();
  for (const field of model.fields) {
    if (chosen.has(field.id) || leftOut.has(field.id)) continue;
    const c = parsed.findIndex((_, c) => usable(c) && !taken.has(c) && sharedBy[c].includes(field));
    if (c < 0) continue;
    byHeader(field.id, c, SHARED_HEADER, sharedContext(c));
    shared.add(c);
  }
  for (const c of shared) taken.add(c);

  let mapped = [...chosen.values()];
  mapped.sort((a, b) => a.column - b.column);
  for (const m of mapped) if (m.context === undefined) delete m.context;
  // Units are settled the same way with or without the sheet (worksheet functions see only the
  // header): a unit in the header, else for amounts the model's unit, marked as assumed.
  const reading = readColumns(
    on?.sheet ?? { name: "", grid: [headers] },
    on?.table ?? headerOnly(headers, hidden),
    mapped,
    model,
    on?.units
  );
  mapped = reading.mapped;
  const unmapped = model.fields
    .filter((f) => !mapped.some((m) => m.field === f.id))
    .map((f) => ({ field: f.id, label: f.label, key: f.key === true }))
    .sort((a, b) => Number(b.key) - Number(a.key));
  const roleColumn = chain ? columnOfField(mapped, chain.roleField) : null;
  const unused = parsed
    .map((p, c) => {
      const role = asked[c];
      const why =
        notNaming.get(c) ?? (role && roleColumn ? roleTaken(role, roleColumn, model) : undefined);
      return { column: c, header: p.text, hidden: hiddenSet.has(c), ...(why ? { why } : {}) };
    })
    .filter((u) => usable(u.column) && !taken.has(u.column));
  return {
    mapped,
    guessed: mapped.filter((m) => m.how !== "user" && m.confidence < GUESS),
    unmapped,
    unused,
    ...(on ? { report: reading.report, warnings: reading.warnings } : {}),
  };
}

/** Why a yes/no role column is unused: the role field is read from another column. */
function roleTaken(role: ChainRoleDef, by: MappedColumn, model: ScoringModel): Label {
  const field = model.fields.find((f) => f.id === by.field)!;
  return {
    zh: `只问是否${role.label.zh}：${field.label.zh}取自「${by.header}」列`,
    en: `asks only whether it is ${role.label.en}: ${field.label.en} is read from "${by.header}"`,
  };
}

const columnOfField = (mapped: MappedColumn[], field: string): MappedColumn | null =>
  mapped.find((m) => m.field === field) ?? null;

/** The column a field is mapped to, or null. */
export function columnOf(mapping: ColumnMapping, field: string): MappedColumn | null {
  return columnOfField(mapping.mapped, field);
}

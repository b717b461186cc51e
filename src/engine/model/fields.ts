/**
 * Reading cells as the model's field types say: numbers, percents, yes/no, dates, text, and amounts
 * converted to the model's currency and unit. Never throws on cell data: what cannot be read is NaN
 * (numbers) or null (text), i.e. missing, and `cellStatus` tells missing from unreadable.
 */
import { AMOUNT_OK, amountValue, AmountValueOut, isExact, parseAmount } from "../amount";
import { CURRENCY_CODES, fxRate } from "../fx";
import {
  foldCharCode,
  foldText,
  isDigitCode,
  moreHigh,
  NumberRead,
  readArabicNumber,
  readChineseNumeral,
  spokenRound,
  startsChineseNumeral,
} from "../numerals";
import { boundOf, Q_AT_LEAST, qualifiersIn } from "../amount/lexicon";
import { PHASE_WORD, TOTALS } from "../amount/clause";
import { boundNote, BoundedReading, sumBound } from "../bounds";
import { NO_DATA_WORDS } from "../vocabulary";
import { cellProblem } from "../cells";
import { landUnit, readArea } from "../land";
import { dateNote, readDate } from "../dateText";
import {
  answerNote,
  foldAnswer,
  hitAt,
  hits,
  INTENDED,
  saysNotYet,
  stageNote,
  visitFoldedWords,
  WordList,
  wordStarts,
  yesNoValue,
} from "../answers";
import {
  AmountContext,
  ColumnContext,
  AmountResult,
  CellValue,
  CurrencyCode,
  FieldDef,
  FieldType,
  ParseAmountOptions,
  Label,
  ScoringModel,
} from "../types";
import { ValueKind } from "../expression";
import { fromEntries } from "../es2017";
import { TextMemo } from "../memo";
import { cellText, readRole } from "../chain";

/** Text and category fields are read as text; every other type as a number (yes/no as 1/0). */
export function fieldKind(type: FieldType): ValueKind {
  return type === "text" || type === "category" ? "str" : "num";
}

/** Per folded code unit: SPACE when it is white space, MARK when a "no data" mark begins with it. */
const SPACE = 1;
const MARK = 2;
const NO_DATA_CODES = Uint8Array.from({ length: 0x10000 }, (_, c) =>
  String.fromCharCode(c).trim() === "" ? SPACE : 0
);
for (const w of NO_DATA_WORDS) if (w) NO_DATA_CODES[w.charCodeAt(0)] |= MARK;

/** Whether trimmed text is a "no data" mark (blank, -, 待定, n/a …). */
function isNoDataText(t: string): boolean {
  const n = t.length;
  if (n === 0) return true;
  const first = NO_DATA_CODES[foldCharCode(t.charCodeAt(0))];
  const last = NO_DATA_CODES[foldCharCode(t.charCodeAt(n - 1))];
  // Unless folding turns an end into a space (a zero-width space, say), the folded text keeps the
  // length and first character: every mark is at most 4 characters and begins with a MARK unit.
  if (((first | last) & SPACE) === 0 && (n > 4 || (first & MARK) === 0)) return false;
  const f = foldText(t).trim();
  return NO_DATA_WORDS.has(f) || /^-+$/.test(f);
}

/** Whether a cell is blank or one of the usual "no data" marks (not zero). */
export function isMissingCell(cell: CellValue): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "number") return !Number.isFinite(cell);
  if (typeof cell === "boolean") return false;
  return isNoDataText(cell.trim());
}

/**
 * Whether a cell counts as missing for its field: blank or a "no data" mark, except 暂无 in a yes/no
 * column, where it answers "not yet" (no). 无 in a land column is no land of its own (a leased plant),
 * which the model reads as a blank (not 0 亩: per-亩 figures would divide by it).
 */
export function isMissingFor(cell: CellValue, field: FieldDef): boolean {
  if (typeof cell === "string" && isAreaField(field) && NONE_WORDS.has(foldText(cell).trim()))
    return true;
  if (noOwnLand(cell, field) !== null) return true;
  return isMissingCell(cell) && !(field.type === "boolean" && saysNotYet(cell));
}

/**
 * A plant leased, bought or already there (租赁标准厂房2万平方米, 利用现有厂房, 无新增用地): no land of the
 * project's own, read as a blank with this reason, never as the plant's floor area in 亩. A cell that
 * also names land (新增用地50亩，利用现有厂房) is not this.
 */
const PLANT =
  /(?:租赁|租用|承租|购置|购买|收购|利用|使用|依托)(?:现有|原有|闲置|已有|标准|园区)?(?:标准)?(?:厂房|车间|楼宇|办公楼|载体)/;
const NO_NEW_LAND = /^(?:无|不|未)(?:新增|新)?(?:用地|供地|土地)/;
const LAND_NAMED = /用地|供地|土地|地块|亩|公顷/;
export function noOwnLand(cell: CellValue, field: FieldDef): Label | null {
  if (typeof cell !== "string" || !isAreaField(field)) return null;
  const t = foldText(cell).trim();
  const plant = PLANT.exec(t);
  const none = NO_NEW_LAND.exec(t);
  if (none === null && (plant === null || LAND_NAMED.test(t))) return null;
  const word = (none ?? plant)![0];
  return {
    zh: `“${word}”：项目没有自有用地，按未填`,
    en: `"${word}": no land of the project's own, read as blank`,
  };
}

const NUM = String.raw`[+-]?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)`;
/**
 * Words, a number, its scale (%, ‰, 万, 亿) with 多/余 before or after it, and the high end of a range (10-15%, 10%～15%,
 * 10至15%), then words: the words may only qualify it (约, 不低于, ≥ before; 以上, 左右, 人 after).
 */
const NUMBER = new RegExp(
  String.raw`^(\D*?)\s*(${NUM})\s*(多|余)?\s*(%|‰|万|亿)?\s*(多|余)?(?:\s*(?:-|~|至|到)\s*(${NUM})\s*(%|‰|万|亿)?)?(\D*)$`
);
/**
 * Words after a number that change what it measures: an area or a volume the reader cannot put in
 * the column's unit (6.7 公顷 where 亩 are meant, 1.2万方), read as nothing rather than as the number.
 */
const OTHER_MEASURE = /^\s*(?:平方|平米|㎡|m2|m²|m3|m³|km|公顷|ha\b|hectare|方|立方|公里)/;

/** A number and its scale word: divided, not multiplied by 0.01, so 15% reads 0.15 exactly as typed. */
function scaled(text: string, scale: string | undefined): number {
  const v = Number(text.replace(/,/g, ""));
  return scale === "%"
    ? v / 100
    : scale === "‰"
      ? v / 1000
      : scale === "万"
        ? v * 1e4
        : scale === "亿"
          ? v * 1e8
          : v;
}

/** A number or area as read: its bound, and a remark in brackets left out (3.5%（2022年）). */
export interface NumberReading extends BoundedReading {
  remark?: string;
  /** A question mark after the figure (50亩？): read as written, in doubt. */
  doubt?: string;
  /** A remark after a clause mark (80亩，另租厂房), left out. */
  aside?: string;
  /** Words before the figure saying it is planned (预计, 拟, 新增): read as written. */
  planned?: string;
  /** The phases summed (一期30亩，二期20亩), or written beside the total read (…，共50亩). */
  phases?: { texts: string[]; total: boolean };
  /** A "none" word (无, 没有) read as 0 in a count column. */
  none?: string;
}

/** A number cell as read, and whether it states its own scale (15%, 5‰, 百分之十五). */
interface PlainReading extends NumberReading {
  ownScale: boolean;
}

const exactly = (value: number, ownScale = false): PlainReading => ({
  value,
  low: value,
  high: value,
  bound: "exact",
  vague: false,
  ownScale,
});

/** Percentage points after a figure (3.5个百分点, 三个百分点). */
const POINTS = /([\d〇零一二两三四五六七八九十几])\s*个?百分点/g;

/** A remark in brackets at the end (3.5%（2022年）, 5项（其中发明3项）): left out, named in the note. */
const END_REMARK = /\s*\(([^()]*)\)$/;

/**
 * A plain number as written, with its bound: "83.6亩", "1,200", "约 30" (about), "1.2万人", "15%",
 * "5‰", "不低于3%" and "5人以上" (at least: the bound itself), "10-15%" and "50多" (a range: its
 * midpoint, as amounts read them). Null when missing or unreadable.
 */
export function readNumberBound(cell: CellValue): PlainReading | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? exactly(cell) : null;
  if (typeof cell === "boolean" || isMissingCell(cell)) return null;
  // 3.5个百分点 (percentage points): the figure with %.
  const trimmed = foldText(cell as string).trim();
  const whole = spokenRound(trimmed.includes("百分点") ? trimmed.replace(POINTS, "$1%") : trimmed);
  const aside = CLAUSE_MARK.test(whole) ? ASIDE.exec(whole) : null;
  const figure = aside === null ? whole : whole.slice(0, aside.index);
  const remark = END_REMARK.exec(figure);
  const folded = remark === null ? figure : figure.slice(0, remark.index);
  let r = readPlain(folded) ?? readWritten(folded);
  const said = remark === null ? "" : remark[1].trim();
  // （含）: inclusive, already how a bound reads.
  if (r !== null && said !== "" && said !== "含") r = { ...r, remark: said };
  return r !== null && aside !== null && aside[1].trim() !== ""
    ? { ...r, aside: aside[1].trim() }
    : r;
}

/**
 * A remark after the figure past a clause mark (80亩，另租厂房): left out, named in the note. Never
 * one with a figure in it (300人，500人 is two figures) and never a thousands comma (1,200).
 */
const CLAUSE_MARK = /[，,；;。]/;
const ASIDE = /\s*[，,；;。]\s*([^\d零〇一二两三四五六七八九十百千万]*)$/;

/** An area, or an area and a remark past a clause mark (新增用地50亩，利用现有厂房), the remark left out. */
function readAreaWithAside(cell: string): NumberReading | null {
  const whole = readArea(cell);
  if (whole !== null) return whole;
  const folded = foldText(cell).trim();
  const aside = ASIDE.exec(folded);
  const area = aside === null ? null : readArea(folded.slice(0, aside.index));
  return area === null ? null : { ...area, aside: aside![1].trim() };
}

/**
 * A count in Chinese numerals (五项, 约三千人, 十余项) read by the grammar of digits. 数/几 (十几人,
 * 二十几项, 几十人) write a range, read as amounts read them (十几亿 = 10–20亿, 数十亿 = 10–100亿) and as
 * 多/余 read (十余 = 10–20): its midpoint, the note giving the range. 来 after a place (十来人) is about
 * the figure, as 左右.
 */
function readWritten(folded: string): PlainReading | null {
  const n = chineseCount(folded);
  if (n === null) return null;
  const { at, read } = n;
  const digits = read.highText === undefined ? read.text : `${read.text}-${read.highText}`;
  // 十来人, 百来项: 来 after a place is "or so", read as 左右 is (about the figure).
  const rest = folded.slice(read.end);
  const about = rest.startsWith("来") && /[十百千]/.test(folded.charAt(read.end - 1));
  if (rest.startsWith("来") && !about) return null;
  const r = readPlain(
    folded.slice(0, at) +
      digits +
      (about ? rest.slice(1) + (rest.includes("左右") ? "" : "左右") : rest)
  );
  return r !== null && read.highText !== undefined && r.bound === "range"
    ? { ...r, vague: true }
    : r;
}

/** The first Chinese numeral of a text with no Arabic digit, when a counter (or nothing) follows it. */
function chineseCount(folded: string): { at: number; read: NumberRead } | null {
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (isDigitCode(c)) return null;
    if (!startsChineseNumeral(c)) continue;
    const read = readChineseNumeral(folded, i);
    return read !== null && COUNTED.test(folded.slice(read.end)) ? { at: i, read } : null;
  }
  return null;
}

/** What may follow 百分之 and its number: a bound word, or nothing. */
const BOUND_AFTER = /^\s*(?:以上|以下|以内|左右|上下)?$/;
/** A range mark after a figure, before its high end. */
const RANGE_TO = /^\s*(?:-|~|至|到)\s*/;
const PER_WORDS = /百分之|千分之/;

/**
 * What may follow a Chinese numeral for it to be a count (五项, 十余人, 十来人, 十几个人, 两千万, 五十亩地,
 * 三%): not 一般, 三级.
 */
const COUNTED =
  /^\s*(?:多|余|来)?\s*(?:万|亿)?\s*(?:多|余)?\s*(?:个?(?:项|件|人|名|位|家|台|套)|个|亩地?|年|%|‰)?\s*(?:以上|以下|以内|左右|上下)?$/;

/**
 * 百分之十五, 约百分之十, 不低于百分之十五, 百分之五到百分之八, 百分之五至八, 千分之五: a share written in
 * words, read as the same figure written with % (‰), with the words around it (十几: the range
 * 10–20%, as 十几人 reads). `k`: where 百分之 or 千分之 starts.
 */
function perInWords(folded: string, k: number): PlainReading | null {
  const sign = folded.charAt(k) === "千" ? "‰" : "%";
  const n = readArabicNumber(folded, k + 3) ?? readChineseNumeral(folded, k + 3);
  if (n === null) return null;
  let rest = folded.slice(n.end);
  const to = RANGE_TO.exec(rest);
  if (to !== null) {
    // 百分之五至八: the high end in words, 百分之 not written again.
    const high = readChineseNumeral(rest, to[0].length);
    if (high !== null && high.highText === undefined)
      rest = `${to[0]}${high.text}${sign}${rest.slice(high.end)}`;
  } else if (!BOUND_AFTER.test(rest)) return null;
  const digits = n.highText === undefined ? n.text : `${n.text}-${n.highText}`;
  const r = readPlain(`${folded.slice(0, k)}${digits}${sign}${rest}`);
  return r !== null && n.highText !== undefined && r.bound === "range" ? { ...r, vague: true } : r;
}

/** readNumberBound on folded text with no remark. */
function readPlain(folded: string): PlainReading | null {
  const k = folded.search(PER_WORDS);
  if (k >= 0) return perInWords(folded, k);
  const m = NUMBER.exec(folded);
  if (!m || OTHER_MEASURE.test(m[8])) return null;
  const [, leadText, lowText, moreBefore, lowScale, moreAfter, highText, highScale, tailText] = m;
  const more = moreBefore ?? moreAfter; // 50多万, 1.2万多
  const ownScale = [lowScale, highScale].some((x) => x === "%" || x === "‰");
  const lead = qualifiersIn(leadText);
  const tail = qualifiersIn(tailText);
  // Before the number only qualifiers (约, ≥, 不低于): 研发3% or 一期5 names something else.
  const twoMore = moreBefore !== undefined && moreAfter !== undefined;
  // After it, words (人, 项, 以上) but no unit or currency: 5千 is not 5, 5元 no count.
  if (
    lead.text ||
    lead.filler ||
    lead.measure ||
    lead.other ||
    tail.measure ||
    // A second figure after it (3%至五, 300人，500人): not one number.
    tail.number ||
    twoMore ||
    (more !== undefined && highText !== undefined)
  )
    return null;
  if (highText === undefined) {
    const low = scaled(lowText, lowScale);
    if (more !== undefined || tail.more) {
      const high = moreHigh(lowText);
      if (high === null) return null;
      const top = scaled(String(high), lowScale);
      return { value: (low + top) / 2, low, high: top, bound: "range", vague: true, ownScale };
    }
    // 3%~ (a range open upward) is at least its figure, as 3%以上 is.
    const bound = boundOf(lead.q | tail.q | (tail.range ? Q_AT_LEAST : 0));
    return bound === null ? null : { value: low, low, high: low, bound, vague: false, ownScale };
  }
  // 10-15%: an end without a scale takes the other's, unless that reverses the range (5000-1万).
  if (lowScale !== undefined && highScale !== undefined && lowScale !== highScale) return null;
  const high = scaled(highText, highScale ?? lowScale);
  let low = scaled(lowText, lowScale ?? highScale);
  if (low > high && lowScale === undefined) low = scaled(lowText, undefined);
  if (low > high) return null;
  return { value: (low + high) / 2, low, high, bound: "range", vague: false, ownScale };
}

/** A plain number: "83.6亩", "1,200", "约 30", "1.2万人", "15%", "5‰"; NaN when missing or unreadable. */
export function readNumber(cell: CellValue): number {
  const r = readNumberBound(cell);
  return r === null ? NaN : r.value;
}

/** Text as written, trimmed; null when missing. Numbers and yes/no become their text. */
export function readText(cell: CellValue): string | null {
  if (typeof cell === "string") {
    const t = cell.trim();
    return isNoDataText(t) ? null : t;
  }
  return isMissingCell(cell) ? null : String(cell).trim();
}

/** An amount cell read and converted to the model's currency and unit (e.g. 万元). */
export interface AmountReading {
  parsed: AmountResult;
  /** Value in model units, NaN when missing, unreadable or without an exchange rate. */
  value: number;
  /** Units of model currency per unit of the cell's currency; null when it has no rate. */
  rate: number | null;
  from: CurrencyCode | null;
}

/**
 * How an amount column's cells are parsed: its unit context; never negative (investment, capital,
 * revenue and tax cannot be); and, given the field, its names, so that of figures a cell labels the
 * column's own is read (总投资10亿元，注册资本1亿元 reads 1亿 in a 注册资本 column); a field counted per 亩
 * reads figures per 亩.
 */
export function amountOptions(
  context: Partial<AmountContext> | undefined,
  field?: FieldDef
): ParseAmountOptions {
  const options: ParseAmountOptions = {
    context,
    allowNegative: false,
    names: field && fieldNames(field),
  };
  if (field?.per === "亩") options.perMu = true;
  return options;
}

export function readAmount(
  cell: CellValue,
  context: Partial<AmountContext> | undefined,
  model: ScoringModel,
  field?: FieldDef
): AmountReading {
  const parsed = parseAmount(cell, amountOptions(context, field));
  if (!parsed.ok) return { parsed, value: NaN, rate: null, from: null };
  const rate = fxRate(parsed.currency, model.currency, model.fx);
  if (rate === null) return { parsed, value: NaN, rate: null, from: parsed.currency };
  const value = (parsed.value * rate) / model.amountMultiplier;
  return { parsed, value, rate, from: parsed.currency };
}

const unitRates = new WeakMap<ScoringModel, Record<CurrencyCode, number>>();

/**
 * Units of model currency per unit of each currency (NaN without a rate); once per model, as a worksheet function scores one row at a time.
 */
function modelUnitRates(model: ScoringModel): Record<CurrencyCode, number> {
  let rates = unitRates.get(model);
  if (rates === undefined) {
    rates = {} as Record<CurrencyCode, number>;
    for (const c of CURRENCY_CODES) rates[c] = fxRate(c, model.currency, model.fx) ?? NaN;
    unitRates.set(model, rates);
  }
  return rates;
}

/** Expression name of an exchange rate: fx_USD is units of model currency per US dollar. */
export const fxVariable = (currency: CurrencyCode): string => `fx_${currency}`;

/** Expression name of a criterion's 0–1 value (NaN when unknown), for gates, bonuses and flags. */
export const criterionVariable = (criterionId: string): string => `${criterionId}_score`;

/** Expression name of the text "USD", "CNY" … an amount field's cell was written in (null: missing). */
export const currencyVariable = (fieldId: string): string => `${fieldId}_currency`;

/**
 * The model's exchange rates as expression constants (fx_CNY … fx_GBP), NaN where the model has no
 * rate. Without a model: the names only, for validation.
 */
export function fxConstants(model?: ScoringModel): Record<string, number> {
  const rates = model ? modelUnitRates(model) : null;
  return fromEntries(CURRENCY_CODES.map((c) => [fxVariable(c), rates ? rates[c] : NaN]));
}

const valueOut: AmountValueOut = { status: AMOUNT_OK, currency: null, exact: false };

/** An amount cell's value in model units, NaN when missing or unreadable, and its currency. */
interface AmountCell {
  value: number;
  currency: CurrencyCode | null;
}

/** How one column's amount cells are read: parse options and the model's rates, looked up once. */
interface AmountColumnRead {
  options: ParseAmountOptions;
  rates: Record<CurrencyCode, number>;
  multiplier: number;
}

function amountColumnRead(
  context: Partial<AmountContext> | undefined,
  model: ScoringModel,
  field: FieldDef | undefined
): AmountColumnRead {
  const options = amountOptions(context, field);
  return { options, rates: modelUnitRates(model), multiplier: model.amountMultiplier };
}

/** One amount cell's value in model units as readAmount would give it; its currency into valueOut. */
function amountNumber(cell: CellValue, how: AmountColumnRead): number {
  const v = amountValue(cell, how.options, valueOut);
  const currency = valueOut.currency;
  return (v * (currency === null ? NaN : how.rates[currency])) / how.multiplier;
}

function amountCell(cell: CellValue, how: AmountColumnRead): AmountCell {
  const value = amountNumber(cell, how);
  return { value, currency: valueOut.currency };
}

/**
 * An amount column's reader (the batch path): values in model units, each distinct text parsed once
 * while the column repeats its texts; `currencies`, when given, receives the currency each cell was
 * written in (null when missing or unreadable). A cell read afresh builds no object.
 */
export class AmountReader {
  private readonly how: AmountColumnRead;
  private readonly memo: TextMemo<AmountCell>;

  constructor(context: Partial<AmountContext> | undefined, model: ScoringModel, field?: FieldDef) {
    const how = (this.how = amountColumnRead(context, model, field));
    this.memo = new TextMemo((c) => amountCell(c, how));
  }

  into(
    cells: readonly CellValue[] | undefined,
    count: number,
    out: Float64Array,
    currencies?: (CurrencyCode | null)[]
  ): void {
    const { how, memo } = this;
    for (let i = 0; i < count; i++) {
      const c = cells?.[i] ?? null;
      let currency: CurrencyCode | null;
      if (typeof c === "string" && memo.remembers) {
        const r = memo.get(c);
        out[i] = r.value;
        currency = r.currency;
      } else {
        out[i] = amountNumber(c, how);
        currency = valueOut.currency;
      }
      if (currencies) currencies[i] = currency;
    }
  }
}

/**
 * A field's own names, folded once: a yes/no answer may restate the column (国家级高新技术企业), an
 * amount cell label its figure with it (注册资本1亿元).
 */
const ownNames = new WeakMap<FieldDef, string[]>();
export function fieldNames(field: FieldDef): string[] {
  let names = ownNames.get(field);
  if (!names) {
    names = [field.label.zh, field.label.en, ...field.aliases]
      .map((n) => foldText(n).replace(/\s+/g, " ").trim())
      // 是否高新 asks the question, it does not answer it; one letter or character names nothing.
      .filter((n) => n.length >= 2 && !/^(?:是否|is |are )/.test(n));
    ownNames.set(field, names);
  }
  return names;
}

/**
 * A yes/no cell: the answer words (是, 否, √, 拟申报 …), else the field's own name written as the
 * answer — 国家级高新技术企业 in a 高新技术企业 column is yes, 非高新技术企业 no, 拟申报高新企业 intended.
 */
function answerValue(cell: CellValue, field: FieldDef): number {
  const v = yesNoValue(cell);
  if (v === v) return v;
  // 第120位 (or 120) in a 世界500强 column: on the list when the rank is within it.
  const rank = listRank(cell, field);
  if (rank !== null) return rank.rank <= rank.size ? 1 : 0;
  if (typeof cell !== "string") return v;
  const text = foldAnswer(cell);
  // 是否高新 asks the question (a header copied into the cell), whatever name it holds.
  if (text.startsWith("是否")) return NaN;
  let best = NaN;
  for (const name of fieldNames(field)) {
    for (const hit of hits(text, name)) {
      // Every mention must agree: 高新技术企业（非） or two different answers stay unread.
      const value = hit === "fact" ? 1 : hit === "intended" ? INTENDED : 0;
      if (best === best && best !== value) return NaN;
      best = value;
    }
  }
  // A negation elsewhere (高新技术企业（非）) leaves a plain mention in doubt.
  if (
    best === 1 &&
    /[非未无不没]|\bnot?\b/.test(fieldNames(field).reduce((t, n) => t.split(n).join(""), text))
  )
    return NaN;
  // 民营企业 in a 央企 (企业性质) column: another kind, so no.
  return best === best ? best : otherKind(text, field) !== null ? 0 : NaN;
}

/**
 * Around a name, what makes a text about firms it serves or deals with (世界500强配套商, 为世界500强企业
 * 提供服务), not one of them.
 */
const DEALS_WITH =
  /^\s*(?:的)?(?:企业|公司|集团)?(?:配套|供应|供货|客户|合作|服务|背景|提供|supplier|customer|client|partner)/;
const SERVES_BEFORE =
  /(?:为|给|向|服务于?|供应|配套|客户|合作伙伴|supplier to|serving)[^，,；;。(]*$/;

const nameStarts = new WeakMap<FieldDef, WordList>();
const stopAtFirst = (): boolean => false;

/**
 * What another field's text (FieldDef.inferFrom: the investor, the project's name) says of a yes/no
 * field: 1 where it names the field as a fact (德国巴斯夫集团（世界500强）), 0 where it denies it
 * (非世界500强), else NaN — no mention, an intention, a firm dealt with (世界500强配套商), or mentions that
 * disagree.
 */
export function inferredAnswer(text: CellValue, field: FieldDef): number {
  if (typeof text !== "string") return NaN;
  // Most texts name none of the field's names: told without folding them (batch scoring asks per row).
  let starts = nameStarts.get(field);
  if (!starts) nameStarts.set(field, (starts = wordStarts(fieldNames(field))));
  if (visitFoldedWords(text, starts, stopAtFirst, null)) return NaN;
  const folded = foldAnswer(text);
  let best = NaN;
  for (const name of fieldNames(field)) {
    for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + 1)) {
      if (DEALS_WITH.test(folded.slice(at + name.length))) return NaN;
      if (SERVES_BEFORE.test(folded.slice(0, at))) return NaN;
      const hit = hitAt(folded, at, name);
      if (hit === "intended") return NaN;
      const value = hit === "fact" ? 1 : 0;
      if (best === best && best !== value) return NaN;
      best = value;
    }
  }
  return best;
}

/** The first of a row's texts (one column each, in FieldDef.inferFrom order) that answers the field; −1: none. */
export function answeringText(
  sources: readonly (readonly CellValue[] | undefined)[],
  i: number,
  field: FieldDef
): number {
  for (let k = 0; k < sources.length; k++) {
    const text = sources[k]?.[i];
    if (typeof text !== "string") continue;
    const value = inferredAnswer(text, field);
    if (value === value) return k;
  }
  return -1;
}

/**
 * The answer candidate i's other texts give a yes/no field whose own cell is blank (FieldDef.inferFrom),
 * with the field and text that gave it; null when the own cell says anything or no text answers.
 */
export function inferredFrom(
  columns: Readonly<Record<string, readonly CellValue[] | undefined>>,
  i: number,
  field: FieldDef,
  model: ScoringModel
): { value: number; from: FieldDef; text: string } | null {
  if (field.inferFrom === undefined || !isMissingFor(columns[field.id]?.[i] ?? null, field))
    return null;
  const k = answeringText(
    field.inferFrom.map((id) => columns[id]),
    i,
    field
  );
  const from = k < 0 ? undefined : model.fields.find((f) => f.id === field.inferFrom![k]);
  if (from === undefined) return null;
  const text = columns[from.id]![i] as string;
  return { value: inferredAnswer(text, field), from, text: text.trim() };
}

/** The first of the field's other kinds (FieldDef.otherKinds) the folded text names as a fact, or null. */
function otherKind(text: string, field: FieldDef): string | null {
  for (const kind of field.otherKinds ?? [])
    if (hits(text, foldAnswer(kind)).includes("fact")) return kind;
  return null;
}

/** How a cell naming another kind than the field's was read (see otherKind), or null. */
function otherKindNote(cell: CellValue, field: FieldDef): Label | null {
  if (typeof cell !== "string" || answerValue(cell, field) !== 0 || yesNoValue(cell) === 0)
    return null;
  const kind = otherKind(foldAnswer(cell), field);
  if (kind === null) return null;
  const t = cell.trim();
  const said = t === kind ? { zh: "", en: "" } : { zh: `写的是${kind}，`, en: ` names ${kind},` };
  return {
    zh: `“${t}”${said.zh}不是${field.label.zh}，读作“否”`,
    en: `"${t}"${said.en} not ${field.label.en}: read as no`,
  };
}

/** Chinese sizes of ranked lists (五百强, 百强). */
const LIST_SIZES: Record<string, number> = { 百: 100, 一百: 100, 二百: 200, 三百: 300, 五百: 500 };

/** The size of the ranked list a yes/no field asks about (世界500强: 500, 百强: 100), or null. */
function listSize(field: FieldDef): number | null {
  for (const name of fieldNames(field)) {
    const m = /(\d+|[一二三五]?百)强/.exec(name);
    if (m) return LIST_SIZES[m[1]] ?? Number(m[1]);
  }
  return null;
}

/**
 * A rank written in a ranked-list column (120, 第120位, 排名第56, 位列第8名), with the list's size; null
 * when the field asks about no ranked list or the cell is no rank.
 */
function listRank(cell: CellValue, field: FieldDef): { rank: number; size: number } | null {
  const size = field.type === "boolean" ? listSize(field) : null;
  if (size === null) return null;
  let rank = NaN;
  if (typeof cell === "number") rank = cell;
  else if (typeof cell === "string") {
    const m = /^(?:(?:排名|位列|名列|位居|排)?第?)(\d+)(?:位|名)?$/.exec(
      foldAnswer(cell).replace(/\s/g, "")
    );
    if (m) rank = Number(m[1]);
  }
  return Number.isInteger(rank) && rank >= 1 ? { rank, size } : null;
}

/** How a rank in a ranked-list column was read (see listRank), or null. */
function rankNote(cell: CellValue, field: FieldDef): Label | null {
  // 1 and 0 are answers (yes, no) before they are ranks.
  const r = Number.isNaN(yesNoValue(cell)) ? listRank(cell, field) : null;
  if (r === null) return null;
  const within = r.rank <= r.size;
  return {
    zh: `“${cellText(cell)}”读作名次第 ${r.rank} 位：${within ? `在${r.size}强之内，读作“是”` : `不在${r.size}强之内，读作“否”`}`,
    en: `"${cellText(cell)}" read as rank ${r.rank}: ${within ? `within the top ${r.size}, read as yes` : `outside the top ${r.size}, read as no`}`,
  };
}

/** A number field whose unit is an area (亩, 平方米 …): the only fields that take area units. */
export function isAreaField(field: FieldDef): boolean {
  return field.type === "number" && field.unit !== undefined && landUnit(field.unit) !== null;
}

/** Why a cell written with an area unit is no reading for a field that is not an area; else null. */
export function areaUnitProblem(cell: CellValue, field: FieldDef): Label | null {
  const area = typeof cell === "string" && !isAreaField(field) ? readArea(cell) : null;
  if (area === null) return null;
  return {
    zh: `“${cell}”写的是面积单位（${area.unit}），${field.label.zh}不是面积`,
    en: `"${cell}" is written in an area unit (${area.unit}); ${field.label.en} is not an area`,
  };
}

/**
 * Reads one cell as a number for a numeric field type. A header context's multiplier applies to
 * numbers and percents (a column headed "研发占比(%)" carries multiplier 0.01).
 */
export function readNumericCell(
  cell: CellValue,
  field: FieldDef,
  context: Partial<AmountContext> | undefined,
  model: ScoringModel
): number {
  switch (field.type) {
    case "amount":
      return amountNumber(cell, amountColumnRead(context, model, field));
    case "boolean":
      // 不详 starts like 不 (no): a "no data" mark is missing, not an answer.
      return isMissingFor(cell, field) ? NaN : answerValue(cell, field);
    case "date":
      return readDate(cell, fieldNames(field));
    default: {
      // A number cell reads as itself at the column's scale, with no reading built: the batch path
      // reads 100 000s of them (numberReading gives the same value; property-tested).
      if (typeof cell === "number")
        return Number.isFinite(cell) ? cell * numberScale(false, cell, field, context) : NaN;
      const r = numberReading(cell, field, context);
      return r === null ? NaN : r.value;
    }
  }
}

/**
 * The scale a number read for the field takes: 1 when the text states its own ("15%"); else the
 * header's, and a percent with no column unit reads by itself (3.5 is 3.5%, 0.035 a fraction).
 */
function numberScale(
  ownScale: boolean,
  value: number,
  field: FieldDef,
  context: Partial<AmountContext> | undefined
): number {
  if (ownScale) return 1;
  return field.type === "percent"
    ? (context?.multiplier ?? (value > 1 ? 0.01 : 1))
    : (context?.multiplier ?? 1);
}

/**
 * A number, percent or area cell read for its field, bound and range kept; null when unreadable.
 * Exported for its tests.
 */
export function numberReading(
  cell: CellValue,
  field: FieldDef,
  context: Partial<AmountContext> | undefined
): NumberReading | null {
  if (cellProblem(cell, true) !== null) return null;
  if (typeof cell === "string") {
    const said = otherWording(cell, field, context);
    if (said !== undefined) return said;
  }
  // 50亩？, 300人?: a figure the analyst doubts, read as written; the note says so (as 5亿元？).
  const doubt = typeof cell === "string" && /[?？]/.test(cell) ? DOUBT_MARK.exec(cell) : null;
  if (doubt !== null) {
    const r = numberReading((cell as string).slice(0, doubt.index), field, context);
    return r === null ? null : { ...r, doubt: doubt[0].trim() };
  }
  // "53360平方米" states its own unit: converted to 亩 where the field is an area; elsewhere
  // (5亩 in an employees column) it is no reading (areaUnitProblem says why).
  const area = typeof cell === "string" ? readAreaWithAside(cell) : null;
  if (area !== null) return isAreaField(field) ? area : null;
  const n =
    readNumberBound(cell) ?? (typeof cell === "string" ? restatedNumber(cell, field) : null);
  if (n === null) return null;
  const scale = numberScale(n.ownScale, n.value, field, context);
  if (scale === 1) return n;
  return { ...n, value: n.value * scale, low: n.low * scale, high: n.high * scale };
}

/**
 * Planned figures: 预计300人, 拟用地50亩, 计划新增200人. The column holds what the project brings, so
 * the figure is read as written; the note names the words. Not in a column of things held (发明专利
 * 件, 项): 计划5项 there is no patent held, and stays unread.
 */
const PLANNED = /^(?:(?:预计|计划|拟|预期|规划|力争|争取)\s*(?:新增)?|新增)\s*[:：]?\s*/;

/**
 * Why a planned figure (预计20件) is no reading for a column of things held; null for any other cell.
 */
export function plannedHeldProblem(cell: CellValue, field: FieldDef): Label | null {
  if (typeof cell !== "string" || !HELD_UNITS.includes(field.unit ?? "")) return null;
  const planned = PLANNED.exec(foldText(cell).trim());
  if (planned === null || planned[0] === "") return null;
  const word = planned[0].replace(/[\s:：]/g, "");
  return {
    zh: `“${cell.trim()}”是计划数（“${word}”），${field.label.zh}只计已有的`,
    en: `"${cell.trim()}" is a planned figure ("${word}"); ${field.label.en} counts only what is held`,
  };
}

/** Counters of things a company holds (patents, certificates). */
const HELD_UNITS = ["件", "项", "篇", "款"];
/** Counters of things a count column counts: 无 there is none of them, 0. */
const COUNTED_UNITS = ["件", "项", "个", "人", "名", "家", "台", "套", "条", "篇", "款"];
/** Words that say "none" (folded). 暂无 is no data in number columns (vocabulary.ts). */
export const NONE_WORDS: ReadonlySet<string> = new Set(["无", "没有", "零"]);

/** A count column whose zero means none: its unit counts things and 0 is in its range (not a rank). */
function countsThings(field: FieldDef): boolean {
  return (
    field.type === "number" &&
    COUNTED_UNITS.includes(field.unit ?? "") &&
    (field.range?.min ?? 0) <= 0 &&
    (field.range?.max ?? 0) >= 0
  );
}

/** Total labels as amounts read them (clause.ts), and 总 alone (总50亩). */
const TOTAL_WORDS = `(?:${[...TOTALS, "总"].join("|")})`;
/** Where a cell lists its phases, or a total after them: a clause mark before 二期, 共 … */
const PHASE_SPLIT = new RegExp(`\\s*[,;、]\\s*(?=${PHASE_WORD}|${TOTAL_WORDS})`);
const PHASE_LABEL = new RegExp(`^${PHASE_WORD}(?:工程|项目)?\\s*[:：]?\\s*`);
const TOTAL_LABEL = new RegExp(`^${TOTAL_WORDS}\\s*[:：]?\\s*`);

/**
 * Readings of other wordings than a bare figure: 无 in a count column (0), a planned figure (预计300人),
 * phases (一期30亩，二期20亩: their sum; …，共50亩: the total, which the phases may not exceed).
 * Undefined when the cell is none of these or does not read so (the plain readers then decide).
 */
function otherWording(
  cell: string,
  field: FieldDef,
  context: Partial<AmountContext> | undefined
): NumberReading | undefined {
  const folded = foldText(cell).trim();
  if (NONE_WORDS.has(folded))
    return countsThings(field) ? { ...exactly(0), none: cell.trim() } : undefined;
  const planned = HELD_UNITS.includes(field.unit ?? "") ? null : PLANNED.exec(folded);
  // Where the words are part of a reading already (新增用地50亩: the land named), they are no plan.
  if (
    planned !== null &&
    planned[0].length < folded.length &&
    readAreaWithAside(folded) === null &&
    readNumberBound(folded) === null
  ) {
    const r = numberReading(folded.slice(planned[0].length), field, context);
    if (r !== null) return { ...r, planned: planned[0].replace(/[\s:：]/g, "") };
  }
  if (!PHASE_LABEL.test(folded)) return undefined;
  const pieces = folded.split(PHASE_SPLIT);
  if (pieces.length < 2) {
    // 首期30亩 alone: the phase is all the cell gives, read as written but said (as amounts read
    // 一期：3亿元). Not for things held: 一期5项 names no patents.
    if (HELD_UNITS.includes(field.unit ?? "")) return undefined;
    const label = PHASE_LABEL.exec(folded)![0];
    const r = numberReading(folded.slice(label.length), field, context);
    return r === null ? undefined : { ...r, phases: { texts: [folded], total: false } };
  }
  const parts: NumberReading[] = [];
  let total: NumberReading | null = null;
  for (let i = 0; i < pieces.length; i++) {
    const label =
      PHASE_LABEL.exec(pieces[i]) ?? (i === pieces.length - 1 ? TOTAL_LABEL.exec(pieces[i]) : null);
    if (label === null) return undefined;
    const r = numberReading(pieces[i].slice(label[0].length), field, context);
    if (r === null) return undefined;
    if (PHASE_LABEL.test(pieces[i])) parts.push(r);
    else total = r;
  }
  const texts = pieces.slice(0, parts.length);
  const sum = sumOf(parts);
  if (total !== null)
    return sum !== null && sum.low <= total.high * (1 + 1e-12)
      ? { ...total, phases: { texts, total: true } }
      : undefined;
  return sum === null || parts.length < 2 ? undefined : { ...sum, phases: { texts, total: false } };
}

/** Figures added up: ranges add; null where their bounds settle no sum (sumBound). */
function sumOf(parts: NumberReading[]): PlainReading | null {
  const bound = sumBound(parts.map((p) => p.bound));
  if (bound === null) return null;
  const add = (f: (p: NumberReading) => number) => parts.reduce((s, p) => s + f(p), 0);
  return {
    value: add((p) => p.value),
    low: add((p) => p.low),
    high: add((p) => p.high),
    bound,
    vague: parts.some((p) => p.vague),
    ownScale: false,
  };
}

/** Question marks after a figure, half- or full-width. */
const DOUBT_MARK = /\s*[?？]+\s*$/;

/** Words before a restated column name that keep the count the column's: 有效发明专利, 累计 … */
const COUNT_QUALIFIER = /^(?:有效|已授权|授权|累计|共有|共|现有|拥有)?/;

/**
 * A figure after the column's own name (发明专利20余项, 有效发明专利12件, 研发投入占比5%): read as the
 * figure alone. Only the field's label or an alias counts: 实用新型专利12件 in a 发明专利 column stays unread.
 */
function restatedNumber(cell: string, field: FieldDef): PlainReading | null {
  const folded = foldText(cell).trim();
  const start = COUNT_QUALIFIER.exec(folded)?.[0].length ?? 0;
  let end = -1;
  for (const name of fieldNames(field))
    if (folded.startsWith(name, start)) end = Math.max(end, start + name.length);
  if (end < 0) return null;
  const rest = folded.slice(end).replace(/^\s*[:：为是]?\s*/, "");
  return rest === "" ? null : readNumberBound(rest);
}

/**
 * What a number, percent or area cell's reading assumed, for its explanation: a bound used as the
 * value (不低于3%, 5人以上), an approximation (约100亩), a range's midpoint (10-15%, 50余亩); null
 * when it was read exactly or not at all.
 */
export function numberNote(
  cell: CellValue,
  field: FieldDef,
  context: Partial<AmountContext> | undefined
): Label | null {
  const r = numberReading(cell, field, context);
  if (
    r === null ||
    (r.bound === "exact" &&
      r.remark === undefined &&
      r.aside === undefined &&
      r.doubt === undefined &&
      r.planned === undefined &&
      r.phases === undefined &&
      r.none === undefined)
  )
    return null;
  const percent = field.type === "percent";
  const area = isAreaField(field);
  const notes: Label[] = [];
  if (r.bound !== "exact")
    notes.push(
      boundNote(
        r,
        "mid",
        (v) => `${shown(v, percent)}${area ? " 亩" : ""}`,
        (v) => `${shown(v, percent)}${area ? " mu" : ""}`
      )
    );
  if (r.remark !== undefined)
    notes.push({ zh: `忽略括号内“${r.remark}”`, en: `ignored "${r.remark}" in brackets` });
  if (r.aside !== undefined) notes.push({ zh: `忽略“${r.aside}”`, en: `ignored "${r.aside}"` });
  if (r.doubt !== undefined)
    notes.push({
      zh: `“${r.doubt}”表示数未定或存疑，按所写的数读取`,
      en: `"${r.doubt}" says the figure is not settled or in doubt; read as written`,
    });
  if (r.planned !== undefined)
    notes.push({
      zh: `“${r.planned}”：所写是计划数，按此读取`,
      en: `"${r.planned}": a planned figure, read as written`,
    });
  if (r.phases !== undefined)
    notes.push(
      r.phases.total
        ? {
            zh: `取总数，分期（${r.phases.texts.join("、")}）不另计`,
            en: `the total read; the phases (${r.phases.texts.join(", ")}) not counted again`,
          }
        : r.phases.texts.length === 1
          ? {
              zh: `只写了“${r.phases.texts[0]}”，按此读取`,
              en: `only "${r.phases.texts[0]}" is written; read as that`,
            }
          : {
              zh: `未写总数，读作分期合计（${r.phases.texts.join(" + ")}）`,
              en: `no total written: read as the sum of the phases (${r.phases.texts.join(" + ")})`,
            }
    );
  if (r.none !== undefined) notes.push({ zh: `“${r.none}”读作 0`, en: `"${r.none}" read as 0` });
  return {
    zh: notes.map((x) => x.zh).join("；"),
    en: notes.map((x) => x.en).join("; "),
  };
}

/**
 * The note on a cell read with something assumed, as its explanation (说明) shows it: a bound (不低于
 * 3%), an approximation (约), a range's midpoint (10-15%, 50余亩, 十几人), a part left out (a phase, a
 * remark, a figure in doubt), "not yet" read as no (暂无), an intention beside a no (否（拟申报）), a
 * halt resumed (停滞后重启), a yes or no of a yes/no role column (是否链主). Null when the cell was read exactly, or not at all. The reading report
 * counts the cells that have one, so a guess is never counted as a plain reading.
 */
export function readingNote(
  cell: CellValue,
  field: FieldDef,
  context: Partial<ColumnContext> | undefined,
  model: ScoringModel
): Label | null {
  switch (field.type) {
    case "amount": {
      const r = parseAmount(cell, amountOptions(context, field));
      return r.ok && !isExact(r) ? r.note : null;
    }
    case "boolean":
      return (
        answerNote(cell, field.reader === "veto") ??
        rankNote(cell, field) ??
        otherKindNote(cell, field)
      );
    case "number":
    case "percent":
      return numberNote(cell, field, context);
    case "date":
      return dateNote(cell, fieldNames(field));
    default:
      if (field.reader === "stage") return stageNote(cell, model);
      // 非链主, or 是 and 否 in a yes/no role column (是否链主).
      return model.chain && field.id === model.chain.roleField
        ? (readRole(cellText(cell), model.chain, context?.yesRole).note ?? null)
        : null;
  }
}

/** A share over 100% is a misreading (or a typo), not a score: percent fields without a range. */
const SHARE = { min: -Infinity, max: 1 };

/** The range as the model states it, or the default one of its type. */
const rangeOf = (field: FieldDef): { min?: number; max?: number } | null =>
  field.range ?? (field.type === "percent" ? SHARE : null);

/** The values a field may take (FieldDef.range; a percent field without one: at most 100%). */
export function fieldRange(field: FieldDef): { min: number; max: number } | null {
  const r = rangeOf(field);
  return r === null ? null : { min: r.min ?? -Infinity, max: r.max ?? Infinity };
}

/** Whether a value lies outside the field's range; asked of every cell, so it builds nothing. */
function outsideRange(value: number, field: FieldDef): boolean {
  const r = rangeOf(field);
  return r !== null && (value < (r.min ?? -Infinity) || value > (r.max ?? Infinity));
}

const shown = (v: number, percent: boolean): string =>
  percent ? `${+(v * 100).toPrecision(6)}%` : String(+v.toPrecision(6));

/** Why a value read for the field lies outside its range, or null when it is within. */
export function rangeProblem(value: number, field: FieldDef): Label | null {
  if (!outsideRange(value, field)) return null;
  const r = fieldRange(field) as { min: number; max: number };
  const percent = field.type === "percent";
  const v = shown(value, percent);
  const bound = value < r.min ? shown(r.min, percent) : shown(r.max, percent);
  return value < r.min
    ? {
        zh: `${field.label.zh} ${v} 低于允许的下限 ${bound}`,
        en: `${field.label.en} ${v} is below the allowed minimum ${bound}`,
      }
    : {
        zh: `${field.label.zh} ${v} 超过允许的上限 ${bound}`,
        en: `${field.label.en} ${v} is above the allowed maximum ${bound}`,
      };
}

/**
 * A number or percent cell read for its field, NaN when unreadable or outside the field's range
 * (a value out of range is not a score: `rangeProblem` says why).
 */
export function readFieldNumber(
  cell: CellValue,
  field: FieldDef,
  context: Partial<AmountContext> | undefined,
  model: ScoringModel
): number {
  const v = readNumericCell(cell, field, context, model);
  return v === v && outsideRange(v, field) ? NaN : v;
}

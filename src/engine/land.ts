/**
 * Land areas as lists write them: 亩, 平方米/㎡/m², 公顷/ha, 万平方米, in a header, a unit row or the cell
 * itself, all converted to 亩 (1 公顷 = 15 亩 = 10 000 平方米, so 1 平方米 = 0.0015 亩 and 1 亩 ≈ 666.67 平方米).
 */
import { foldText, moreHigh, readArabicNumber, readChineseNumeral, spokenRound } from "./numerals";
import { boundOf, qualifiersIn } from "./amount/lexicon";
import type { BoundedReading } from "./bounds";

/** Land units, declared once, and what one of each is in 亩. */
export const LAND_UNITS = ["亩", "平方米", "公顷", "万平方米", "平方公里"] as const;
export type LandUnit = (typeof LAND_UNITS)[number];
export const MU_PER: Record<LandUnit, number> = {
  亩: 1,
  平方米: 0.0015,
  公顷: 15,
  万平方米: 15,
  平方公里: 1500,
};

/** Ways of writing each unit (folded: half-width, lower case), longest first when matched. */
const LAND_WORDS: Record<string, LandUnit> = {
  亩: "亩",
  平方米: "平方米",
  平米: "平方米",
  "㎡": "平方米",
  "m²": "平方米",
  m2: "平方米",
  sqm: "平方米",
  "sq m": "平方米",
  公顷: "公顷",
  ha: "公顷",
  hectare: "公顷",
  hectares: "公顷",
  万平方米: "万平方米",
  "万㎡": "万平方米",
  万平米: "万平方米",
  平方公里: "平方公里",
  "km²": "平方公里",
  km2: "平方公里",
};

/** The land unit a text names exactly ("平方米", "㎡", "ha"), or null. */
export function landUnit(text: string): LandUnit | null {
  const t = foldText(text).trim();
  return LAND_WORDS[t] ?? null;
}

/** The unit words, longest first: a text's unit is the longest word it starts with. */
const WORDS_LONGEST_FIRST = Object.keys(LAND_WORDS).sort((a, b) => b.length - a.length);

/** Words before an area: the land named (工业用地 80 亩, 用地：50 亩), then a bound word (约, 超, 共 …). */
const LEAD =
  /^(?:(?:工业|新增|规划|项目|实际|净)?(?:用地|供地|占地|土地)(?:面积)?\s*:?\s*)?(约|近|超|逾|大约|大概|共|计|合计|总计)?\s*/;
/** After the unit: a bound word (左右, 以上 …), a remark in brackets (200 亩（一期）); nothing else. */
const TAIL = /^\s*(左右|上下|以上|以下|以内)?\s*(?:\(([^()]*)\))?\s*$/;
/** Between the two ends of a range: 100-150 亩, 100 亩～150 亩, 100 至 150 亩. */
const RANGE = /^\s*(?:-|~|—|–|至|到)\s*/;

interface AreaEnd {
  value: number;
  /** The high end 多/余 give (50余亩: 60), else value. */
  high: number;
  unit: LandUnit | null;
  end: number;
}

/** An area as read, in 亩, with the unit it was written in. */
export interface AreaReading extends BoundedReading {
  unit: LandUnit;
  /** A remark in brackets after the area, left out (200 亩（一期）). */
  remark?: string;
}

/**
 * A number (Arabic or Chinese; 十几, 数十 the range they write, as for amounts), 万, 多/余 and a land
 * unit if written, at `i`.
 */
function areaAt(s: string, i: number): AreaEnd | null {
  const n = readArabicNumber(s, i) ?? readChineseNumeral(s, i);
  if (n === null) return null;
  let scale = 1;
  let more = false;
  let j = n.end;
  const skipSpaces = () => {
    while (s[j] === " ") j++;
  };
  const wordAt = (k: number) => WORDS_LONGEST_FIRST.find((w) => s.startsWith(w, k));
  // 50余亩, 50多万平方米, 1.2万多亩: 多/余 once, before or after 万.
  const takeMore = () => {
    skipSpaces();
    if (!more && (s[j] === "多" || s[j] === "余")) {
      more = true;
      j++;
    }
  };
  takeMore();
  skipSpaces();
  // 万平方米 is a unit of its own; 万 before any other (5万m2, 1.2万亩) multiplies the number.
  if (s[j] === "万" && wordAt(j) === undefined) {
    scale = 1e4;
    j++;
    takeMore();
  }
  skipSpaces();
  const value = Number(n.text) * scale;
  // 十几余亩 says the range twice: no reading.
  if (more && n.highText !== undefined) return null;
  const top = more ? moreHigh(n.text) : n.highText !== undefined ? Number(n.highText) : null;
  const high = top === null ? value : top * scale;
  if (!(high > value) && more) return null; // 0余亩
  const word = wordAt(j);
  return word
    ? { value, high, unit: LAND_WORDS[word], end: j + word.length }
    : { value, high, unit: null, end: j };
}

/**
 * An area written with its unit, in 亩: "53360平方米", "5.3 ha", "80亩", "约 6.7 公顷", "5万m2", "一百亩",
 * "工业用地80亩", "200 亩（一期）". A range ("100-150亩") and 多/余 ("50余亩" = 50–60 亩) read as their
 * midpoint, as amounts do; 约/以上 … are kept as the bound, and the note says so (fields.ts). Null when
 * the text names no land unit after its number (a bare number is left to the column's unit) or says
 * more than an area.
 */
export function readArea(cell: string): AreaReading | null {
  // 近百亩, 上百公顷: round figures as said (numerals.ts).
  const s = spokenRound(foldText(cell).trim());
  const lead = LEAD.exec(s)!;
  const first = areaAt(s, lead[0].length);
  if (first === null) return null;
  let low = first.value;
  let high = first.high;
  let unit = first.unit;
  let end = first.end;
  let dash = RANGE.exec(s.slice(end));
  // 100亩~ (a range with no high end) is open upward: at least its figure, as 100亩以上.
  const open = dash !== null && end + dash[0].length === s.length;
  if (open) dash = null;
  const ranged = dash !== null;
  if (dash) {
    const second = areaAt(s, end + dash[0].length);
    // The unit may be written once, after the second number (100-150亩), or after both.
    if (second === null || second.unit === null || high > first.value || second.high > second.value)
      return null;
    if (unit !== null && unit !== second.unit) return null;
    unit = second.unit;
    high = second.value;
    end = second.end;
  }
  const tail = TAIL.exec(open ? "" : s.slice(end));
  if (unit === null || tail === null || low > high) return null;
  const mu = MU_PER[unit];
  low *= mu;
  high *= mu;
  const vague = !ranged && high > low;
  const bound =
    ranged || vague
      ? "range"
      : boundOf(qualifiersIn(`${lead[1] ?? ""} ${open ? "以上" : (tail[1] ?? "")}`).q);
  if (bound === null) return null; // 超 … 以下
  const value = bound === "range" ? (low + high) / 2 : low;
  const remark = tail[2]?.trim();
  return { value, low, high, bound, vague, unit, ...(remark ? { remark } : {}) };
}

/** The land unit a header states in brackets or after a separator: 用地面积（平方米）, 用地/ha. */
export function headerLandUnit(header: string): LandUnit | null {
  const f = foldText(header).trim();
  const m = /[(/:]\s*(?:单位\s*:?\s*)?([^()/:]+?)\s*\)?$/.exec(f);
  return m ? landUnit(m[1]) : null;
}

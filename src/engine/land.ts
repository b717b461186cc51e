/**
 * Land areas as lists write them: 亩, 平方米/㎡/m², 公顷/ha, 万平方米, in a header, a unit row or the cell
 * itself, all converted to 亩 (1 公顷 = 15 亩 = 10 000 平方米, so 1 平方米 = 0.0015 亩 and 1 亩 ≈ 666.67 平方米).
 */
import { foldText, readArabicNumber } from "./numerals";

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

/**
 * An area written with its unit ("53360平方米", "5.3 ha", "80亩") in 亩; null when the text names no
 * land unit after its number (a bare number is left to the column's unit).
 */
export function readArea(cell: string): { mu: number; unit: LandUnit } | null {
  const s = foldText(cell).trim();
  const n = readArabicNumber(s, 0);
  if (n === null) return null;
  const unit = landUnit(s.slice(n.end));
  if (unit === null) return null;
  return { mu: Number(n.text) * MU_PER[unit], unit };
}

/** The land unit a header states in brackets or after a separator: 用地面积（平方米）, 用地/ha. */
export function headerLandUnit(header: string): LandUnit | null {
  const f = foldText(header).trim();
  const m = /[(/:]\s*(?:单位\s*:?\s*)?([^()/:]+?)\s*\)?$/.exec(f);
  return m ? landUnit(m[1]) : null;
}

/**
 * How a written figure stands and what the note says about it, shared by amounts, numbers, percents
 * and land areas: exact, about (约), a one-sided bound (不低于, 以上), or a range (two figures, or one
 * with 多/余/数/几). A bound or an approximation uses the figure itself; a range its midpoint unless
 * the caller chose an end. Every reading that is not exact says so in its note.
 */
import { AmountBound, BoundChoice, Label } from "./types";

/** A figure as read, in the caller's unit: `value` is the one used. */
export interface BoundedReading {
  value: number;
  low: number;
  high: number;
  bound: AmountBound;
  /** The range came from 数/几/多/余 or two digits in a row (两三百), not from two written figures. */
  vague: boolean;
}

const USED_LABEL: Record<BoundChoice, Label> = {
  mid: { zh: "中值", en: "the midpoint" },
  low: { zh: "下限", en: "the low end" },
  high: { zh: "上限", en: "the high end" },
};

/**
 * The note on a reading: "读作下限：不少于 3%；单边界，取界值本身" and the like; `zh`/`en` show a
 * figure in the caller's unit.
 */
export function boundNote(
  r: BoundedReading,
  used: BoundChoice,
  zh: (v: number) => string,
  en: (v: number) => string
): Label {
  const { value } = r;
  switch (r.bound) {
    case "exact":
      return { zh: `读作 ${zh(value)}`, en: `read as ${en(value)}` };
    case "approximate":
      return {
        zh: `读作约数 ${zh(value)}，按该数取值`,
        en: `read as about ${en(value)}; used that figure`,
      };
    case "atLeast":
      return {
        zh: `读作下限：不少于 ${zh(value)}；单边界，取界值本身`,
        en: `read as at least ${en(value)}; one-sided bound, used the bound itself`,
      };
    case "atMost":
      return {
        zh: `读作上限：不超过 ${zh(value)}；单边界，取界值本身`,
        en: `read as at most ${en(value)}; one-sided bound, used the bound itself`,
      };
    default: {
      const u = USED_LABEL[used];
      return {
        zh: `读作区间 ${zh(r.low)}–${zh(r.high)}${r.vague ? "（约数）" : ""}；取${u.zh} ${zh(value)}`,
        en: `read as the range ${en(r.low)}–${en(r.high)}${r.vague ? " (a vague figure)" : ""}; used ${u.en}, ${en(value)}`,
      };
    }
  }
}

/**
 * How a sum of figures stands (phases added up): exact parts leave the others' bound, about gives way
 * to a one-sided bound or a range; null when parts are at least and at most (or a bound and a range),
 * which settles no sum.
 */
export function sumBound(bounds: Iterable<AmountBound>): AmountBound | null {
  const kinds = new Set(bounds);
  kinds.delete("exact");
  if (kinds.size > 1) kinds.delete("approximate");
  if (kinds.size > 1) return null;
  for (const k of kinds) return k;
  return "exact";
}

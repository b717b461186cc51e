/**
 * Combining the lists a city bureau collects from its zones and towns: likely duplicates (the same
 * project on two lists) are found so the portfolio counts each project once.
 */
import { looseText } from "./text";

export interface MergeItem {
  name: string | null;
  investor: string | null;
  /** The total investment read, in whole units of its currency; null when not read. */
  amount: { value: number; currency: string } | null;
}

/** A name as compared: loose text without the usual suffixes (项目, 有限公司, Co. Ltd …). */
export function normalisedName(name: string): string {
  // Latin company words count only as whole words ending the name: "Princeton", "Zinc" keep "inc".
  let s = name.normalize("NFKC");
  for (let was = ""; was !== s;) {
    was = s;
    s = s.replace(
      /[\s,.，。]*(?:项目|\b(?:(?:co\.?,?\s*)?(?:ltd|limited)|inc|project)\.?)[\s,.，。]*$/i,
      ""
    );
  }
  return looseText(s)
    .replace(/(股份)?有限(责任)?公司|集团/g, "")
    .replace(/[.,，。]/g, "");
}

/**
 * For each item, the index of the first item it duplicates (itself when it is the first):
 * the same normalised name, or the same investor with the same amount.
 */
export function duplicateOf(items: MergeItem[]): number[] {
  const byName = new Map<string, number>();
  const byInvestor = new Map<string, number>();
  return items.map((it, i) => {
    const name = it.name ? normalisedName(it.name) : "";
    const inv =
      it.investor && it.amount
        ? `${normalisedName(it.investor)}|${it.amount.currency}|${Math.round(it.amount.value)}`
        : "";
    const root =
      (name ? byName.get(name) : undefined) ?? (inv ? byInvestor.get(inv) : undefined) ?? i;
    if (name && !byName.has(name)) byName.set(name, root);
    if (inv && !byInvestor.has(inv)) byInvestor.set(inv, root);
    return root;
  });
}

/**
 * Reading money as candidate lists write it: "1500万美元", "约1.5亿元", "1-2亿", "5000万元以上",
 * "USD 15m", "两千万", "陆万柒仟伍佰伍拾陆元", "总投资60.7亿元(8.8亿美元)", numbers under a header such
 * as 总投资（万美元）. One grammar (grammar.ts over lexicon.ts's tokens), a value-only scan proven equal
 * to it (scan.ts), notes (note.ts) and units stated outside the cell (header.ts).
 */
export { parseAmount } from "./parse";
export { parseHeaderContext, unitContext } from "./header";
export { amountValue, isExact, scanAmount, AMOUNT_OK, AMOUNT_MISSING, AMOUNT_ERROR } from "./scan";
export type { AmountValueOut } from "./scan";

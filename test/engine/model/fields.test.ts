/**
 * The batch amount reader (AmountReader, behind scoreTable) gives every cell exactly what readAmount
 * — the one-cell reader the explanations use — gives it: value in model units and currency, whether
 * the column's memo still remembers texts or has stopped.
 */
import fc from "fast-check";
import { AmountReader, readAmount } from "../../../src/engine/model/fields";
import { loadModel } from "../../../src/engine/model";
import { AmountContext, CellValue, CurrencyCode } from "../../../src/engine/types";
import pinghu from "../../../src/models/pinghu-2023.json";
import { rangeAmountText, singleAmountText, soup } from "../amount.grammar";

const model = loadModel(pinghu);

const cell = fc.oneof(
  singleAmountText,
  rangeAmountText,
  soup,
  fc.constantFrom<CellValue>(null, "", " ", "-", "待定", "#N/A", "=A1", "2023-05-01", true),
  fc.double({ min: -10, max: 1e9 }),
  fc.integer({ min: 0, max: 1e6 })
);

function expectReads(cells: CellValue[], context?: Partial<AmountContext>): void {
  const out = new Float64Array(cells.length);
  const currencies: (CurrencyCode | null)[] = new Array(cells.length);
  new AmountReader(context, model).into(cells, cells.length, out, currencies);
  cells.forEach((c, i) => {
    const r = readAmount(c, context, model);
    const want = [r.value, r.parsed.ok ? r.parsed.currency : null];
    if (!Object.is(out[i], r.value) || currencies[i] !== want[1])
      throw new Error(`${String(c)}: read ${out[i]} ${currencies[i]}, want ${want.join(" ")}`);
  });
}

describe("AmountReader", () => {
  test("each cell as readAmount reads it, texts repeated down the column (property)", () => {
    const contexts = fc.constantFrom<Partial<AmountContext> | undefined>(
      undefined,
      { multiplier: 1e4 },
      { multiplier: 1e4, currency: "USD" },
      { currency: "EUR" }
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), contexts, (cells, context) =>
        expectReads([...cells, ...cells], context)
      ),
      { numRuns: 400 }
    );
  });

  test("also once the memo has stopped on a column of texts that never repeat", () => {
    // 3 000 distinct texts end the memo's trial (2 048 misses, too few repeats); then repeats follow.
    const distinct = Array.from({ length: 3000 }, (_, i) => `${i + 1}万美元`);
    expectReads([...distinct, "约1.5亿元", "约1.5亿元", "待定", null, 7, "USD 15m", "-5亿元"]);
  });
});

import fc from "fast-check";
import { parseAmount } from "../../src/engine/amount";
import { CURRENCY_CODES } from "../../src/engine/fx";
import { AmountResult, ParseAmountOptions } from "../../src/engine/types";
import {
  numberText,
  PREFIX_CURRENCIES,
  QUALIFIERS,
  RANGE_SEPARATORS,
  soup,
  SUFFIX_CURRENCIES,
  UNITS,
  writeNumber,
} from "./amount.grammar";

const ERROR_CODES = ["missing", "unreadable", "negative", "ambiguous"];

/** Throws unless the result is a well-formed ParsedAmount or AmountError (plain checks: this runs 100 000 times). */
function checkShape(r: AmountResult): void {
  const good = r.ok
    ? Number.isFinite(r.value) &&
      Number.isFinite(r.low) &&
      Number.isFinite(r.high) &&
      r.low <= r.value &&
      r.value <= r.high &&
      CURRENCY_CODES.includes(r.currency) &&
      r.note.zh.length > 0 &&
      r.note.en.length > 0 &&
      typeof r.normalized === "string"
    : ERROR_CODES.includes(r.code) && r.message.zh.length > 0 && r.message.en.length > 0;
  if (!good) throw new Error(`malformed result: ${JSON.stringify(r)}`);
}

/** Throws unless parseAmount(normalized) reads the same amount (under the same options). */
function checkIdempotent(r: AmountResult, options?: ParseAmountOptions): void {
  if (!r.ok) return;
  const again = parseAmount(r.normalized, options);
  const same =
    again.ok &&
    Object.is(again.value, r.value) &&
    again.currency === r.currency &&
    again.bound === r.bound &&
    Object.is(again.low, r.low) &&
    Object.is(again.high, r.high);
  if (!same) throw new Error(`"${r.input}" → "${r.normalized}" → ${JSON.stringify(again)}`);
}

describe("parseAmount never throws", () => {
  test("on 40 000 random unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        checkShape(parseAmount(s));
      }),
      { numRuns: 40000 }
    );
  });

  test("on 40 000 strings built from the grammar's pieces, and is idempotent on its normalized output", () => {
    fc.assert(
      fc.property(soup, (s) => {
        const r = parseAmount(s);
        checkShape(r);
        checkIdempotent(r);
      }),
      { numRuns: 40000 }
    );
  });

  test("on any number cell, with or without a context", () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom(undefined, 1, 1e4, 1e8, 2500), (n, multiplier) => {
        const options = multiplier === undefined ? undefined : { context: { multiplier } };
        const r = parseAmount(n, options);
        checkShape(r);
        if (Number.isFinite(n) && n >= 0 && Number.isFinite(n * (multiplier ?? 1)))
          expect(r.ok).toBe(true);
        checkIdempotent(r, options);
      }),
      { numRuns: 10000 }
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Well-formed amounts: the value read equals the number generated
// ---------------------------------------------------------------------------------------------

describe("well-formed amounts read back the generated number", () => {
  test("single amounts with unit, currency, qualifier, separators and full-width digits", () => {
    fc.assert(
      fc.property(
        numberText,
        fc.constantFrom(...UNITS),
        fc.oneof(
          fc
            .constantFrom(...SUFFIX_CURRENCIES)
            .map(([w, c]) => ({ before: "", after: w, code: c })),
          fc.constantFrom(...PREFIX_CURRENCIES).map(([w, c]) => ({ before: w, after: "", code: c }))
        ),
        fc.constantFrom(...QUALIFIERS),
        fc.boolean(),
        fc.boolean(),
        (num, [unit, exp], cur, [pre, post, bound], commas, fullWidth) => {
          const text = `${pre}${cur.before}${writeNumber(num, commas, fullWidth)}${unit}${cur.after}${post}`;
          const r = parseAmount(text);
          checkShape(r);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value).toBe(Number(`${num}e${exp}`));
          expect([r.currency, r.bound]).toEqual([cur.code, bound]);
          checkIdempotent(r);
        }
      ),
      { numRuns: 12000 }
    );
  });

  test("ranges, with the unit written on both ends or only the high end", () => {
    fc.assert(
      fc.property(
        numberText,
        numberText,
        fc.constantFrom(...UNITS.filter(([w]) => w !== "")),
        fc.constantFrom(...SUFFIX_CURRENCIES),
        fc.constantFrom(...RANGE_SEPARATORS),
        fc.boolean(),
        fc.constantFrom("mid", "low", "high") as fc.Arbitrary<"mid" | "low" | "high">,
        (a, b, [unit, exp], [curWord, code], sep, unitOnBoth, bound) => {
          const [lo, hi] = Number(a) <= Number(b) ? [a, b] : [b, a];
          const text = `${lo}${unitOnBoth ? unit : ""}${sep}${hi}${unit}${curWord}`;
          const r = parseAmount(text, { bound });
          checkShape(r);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const low = Number(`${lo}e${exp}`);
          const high = Number(`${hi}e${exp}`);
          expect([r.low, r.high, r.currency, r.bound]).toEqual([low, high, code, "range"]);
          expect(r.value).toBe(bound === "low" ? low : bound === "high" ? high : (low + high) / 2);
          checkIdempotent(r, { bound });
        }
      ),
      { numRuns: 8000 }
    );
  });
});

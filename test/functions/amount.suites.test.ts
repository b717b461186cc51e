/**
 * Other projects' currency test cases (JioNLP, Microsoft Recognizers-Text; sources and commits in
 * test/fixtures/currency-suites.ts) through ZS.AMOUNT in the built bundle: at least 95% read as the
 * suite reads them, the rest are listed with their reason, and none gives a different number.
 */
import { SUITE_CASES, SUITE_DIFFERENCES } from "../fixtures/currency-suites";
import { loadBundle, StubError } from "./loadBundle";

const { call } = loadBundle();

/**
 * Same figure to the cent (JioNLP rounds to two decimals), or to the 12 significant digits worksheet
 * functions return (args.ts `clean`): 233 333 333 434.344 comes back as 233 333 333 434.
 */
const same = (a: unknown, b: number): boolean =>
  typeof a === "number" && Math.abs(a - b) <= Math.max(0.005, 5e-12 * Math.abs(b));

/** The figures ZS.AMOUNT gives in the case's own currency, in 元 (units), low and high. */
function figures(text: string, currency: string): [unknown, unknown] {
  return [
    call("AMOUNT", text, currency, "元", "low"),
    call("AMOUNT", text, currency, "元", "high"),
  ];
}

function matches(c: (typeof SUITE_CASES)[number]): boolean {
  const [low, high] = figures(c.text, c.currency);
  const [lo, hi] = typeof c.value === "number" ? [c.value, c.value] : c.value;
  return same(low, lo) && same(high, hi);
}

describe("JioNLP and Recognizers-Text currency cases through ZS.AMOUNT", () => {
  test("at least 95% read as the suite reads them; the rest are exactly the listed differences", () => {
    const failing = SUITE_CASES.filter((c) => !matches(c)).map((c) => c.text);
    expect(failing).toEqual(Object.keys(SUITE_DIFFERENCES));
    expect((SUITE_CASES.length - failing.length) / SUITE_CASES.length).toBeGreaterThanOrEqual(0.95);
  });

  test.each(
    SUITE_CASES.filter((c) => !(c.text in SUITE_DIFFERENCES)).map(
      (c) => [c.source, c.text, c] as const
    )
  )("%s: %s", (_, __, c) => {
    expect(matches(c)).toBe(true);
  });

  test.each(Object.entries(SUITE_DIFFERENCES))(
    "%s differs (%s) and is an error, never a different number",
    (text) => {
      const c = SUITE_CASES.find((x) => x.text === text)!;
      const [low, high] = figures(text, c.currency);
      expect(low).toBeInstanceOf(StubError);
      expect(high).toBeInstanceOf(StubError);
    }
  );
});

/**
 * Every form of amount text issue #12 lists, read by the one grammar: Chinese numerals in all their
 * forms, sub-units, negatives, qualifiers, ranges, a currency written twice, and the rule that every
 * character is accounted for. Expected figures are worked out by hand from the text.
 */
import fc from "fast-check";
import { parseAmount } from "../../src/engine/amount";
import { AmountBound, AmountResult, CurrencyCode, ParsedAmount } from "../../src/engine/types";
import { ISSUE_FORMS, rangeAmountText, singleAmountText } from "./amount.grammar";

function ok(r: AmountResult): ParsedAmount {
  if (!r.ok) throw new Error(`expected an amount, got ${r.code}: ${r.message.en}`);
  return r;
}

const read = (text: string): [number, CurrencyCode, AmountBound] => {
  const r = ok(parseAmount(text));
  return [r.value, r.currency, r.bound];
};

describe("Chinese numerals in every form", () => {
  test.each<[string, number, CurrencyCode?]>([
    ["二十五万三千二百元", 253200],
    ["1万2345元", 12345],
    ["三万八千零九", 38009],
    ["陆万柒仟伍佰伍拾陆元", 67556],
    ["壹亿伍仟万陆仟叁佰伍拾伍元整", 150006355],
    ["壹仟元正", 1000],
    ["伍佰圆", 500],
    ["两千万", 2e7],
    ["二〇〇五元", 2005],
    ["一零一元", 101],
    ["3兆日元", 3e12, "JPY"],
    ["3万5千", 35000],
    ["1.2万亿", 1.2e12],
    ["三万五", 35000],
    ["1亿5", 1.5e8],
    ["三百五十万", 3.5e6],
    ["两个亿", 2e8],
    ["六十四万零一百四十三元一角七分", 640143.17],
  ])("%s = %d", (text, value, currency = "CNY") => {
    expect(read(text)).toEqual([value, currency, "exact"]);
  });
});

describe("sub-units and colloquial 块", () => {
  test.each([
    ["十块三毛", 10.3],
    ["两毛五", 0.25],
    ["五块六", 5.6],
    ["一百三十五块六角七分钱", 135.67],
    ["3元5角2分", 3.52],
    ["1元2角3分4厘", 1.234],
    ["100元整", 100],
    ["五十块钱", 50],
    ["8毛", 0.8],
  ])("%s = %d 元", (text, value) => {
    expect(read(text)).toEqual([value, "CNY", "exact"]);
  });
});

describe("negative amounts keep their sign", () => {
  test.each<[string, number, CurrencyCode?]>([
    ["负500万", -5e6],
    ["-500万", -5e6],
    ["\u22121,200元", -1200],
    ["(1,200)", -1200],
    ["（１，２００）", -1200],
    ["¥(1,200)", -1200],
    ["负1.5亿美元", -1.5e8, "USD"],
  ])("%s = %d", (text, value, currency = "CNY") => {
    expect(read(text)).toEqual([value, currency, "exact"]);
  });

  test("where the criterion cannot be negative the cell is an error that says so", () => {
    const r = parseAmount("负500万", { allowNegative: false });
    expect(r).toMatchObject({ ok: false, code: "negative" });
    expect(!r.ok && r.message.zh).toContain("不能为负");
    expect(parseAmount(-3, { allowNegative: false })).toMatchObject({ code: "negative" });
  });
});

describe("qualifiers", () => {
  test.each([
    ["3000多万", 3e7, 4e7],
    ["1000余万元", 1e7, 2e7],
    ["十几亿", 1e9, 2e9],
    ["数十亿", 1e9, 1e10],
    ["十多欧元", 10, 20],
    ["1.5万多", 15000, 16000],
  ])("%s lies in [%d, %d)", (text, low, high) => {
    const r = ok(parseAmount(text));
    expect([r.low, r.high, r.bound]).toEqual([low, high, "range"]);
  });

  test.each<[string, AmountBound]>([
    ["最多500万", "atMost"],
    ["至多500万", "atMost"],
    ["不超过500万", "atMost"],
    ["500万以内", "atMost"],
    ["至少500万", "atLeast"],
    ["起码500万", "atLeast"],
    ["不低于500万", "atLeast"],
    ["500万以上", "atLeast"],
    ["at least 5m", "atLeast"],
    ["up to 5 million", "atMost"],
  ])("%s is %s 5e6", (text, bound) => {
    expect(read(text)).toEqual([5e6, "CNY", bound]);
  });

  test.each(["结余500万", "余额500万", "剩余500万"])(
    "%s holds 余 inside a word: no qualifier",
    (text) => {
      expect(parseAmount(text).ok).toBe(false);
    }
  );
});

describe("ranges", () => {
  test.each([
    ["五块六到五块七毛八", 5.6, 5.78],
    ["1-2亿", 1e8, 2e8],
    ["1亿到2亿", 1e8, 2e8],
    ["3万~5万", 3e4, 5e4],
    ["十八至三十万", 1.8e5, 3e5],
    ["10~15k", 1e4, 1.5e4],
  ])("%s = [%d, %d]", (text, low, high) => {
    const r = ok(parseAmount(text));
    expect([r.low, r.high, r.bound]).toEqual([low, high, "range"]);
  });

  test.each(["5万到3万", "2-1亿", "五块七到五块六"])("reversed %s is refused", (text) => {
    const r = parseAmount(text);
    expect(r).toMatchObject({ ok: false, code: "unreadable" });
    expect(!r.ok && r.message.en).toContain("low end is above");
  });
});

describe("an order of magnitude (亿元级, 千万级, 十亿级): read as 数亿元, 数千万 and 数十亿 are", () => {
  test.each([
    ["亿元级", 1e8, 1e9],
    ["亿级", 1e8, 1e9],
    ["千万级", 1e7, 1e8],
    ["十亿级", 1e9, 1e10],
    ["百亿级", 1e10, 1e11],
  ])("%s = [%d, %d], vague, its midpoint used", (text, low, high) => {
    const r = ok(parseAmount(text));
    expect([r.low, r.high, r.bound, r.value]).toEqual([low, high, "range", (low + high) / 2]);
    expect(r.note.zh).toContain("（约数）");
    expect(r.value).toBe(ok(parseAmount(`数${text.replace("级", "")}`)).value);
  });

  test.each(["级", "5亿级", "亿元级项目"])("%s is no magnitude: unread", (text) => {
    expect(parseAmount(text).ok).toBe(false);
  });
});

describe("doubt and plan words before the figure", () => {
  test.each([
    ["暂定10亿元", "暂定"],
    ["初步估算10亿元", "初步估算"],
    ["预估10亿元", "预估"],
  ])("%s reads as written, the note naming %s", (text, word) => {
    const r = ok(parseAmount(text));
    expect(r.value).toBe(1e9);
    expect(r.note.zh).toBe(`读作 10 亿元；“${word}”表示金额未定或存疑，按所写的数读取`);
  });

  test("暂定 alone is no data, as 待定 is: missing, not unreadable", () => {
    expect(parseAmount("暂定")).toMatchObject({ ok: false, code: "missing" });
  });

  test("新增投资 and 追加投资 label the project's own investment; 增资 (a capital increase) is unread", () => {
    expect(ok(parseAmount("新增投资5亿元")).value).toBe(5e8);
    expect(ok(parseAmount("追加投资5亿元")).value).toBe(5e8);
    expect(parseAmount("增资5亿元")).toMatchObject({ ok: false, code: "unreadable" });
  });
});

describe("a currency written twice", () => {
  test.each<[string, number, CurrencyCode]>([
    ["港币2960元", 2960, "HKD"],
    ["2960元港币", 2960, "HKD"],
    ["人民币50元", 50, "CNY"],
    ["新台币177.1亿元", 1.771e10, "TWD"],
    ["USD 15 美元", 15, "USD"],
  ])("%s agrees: %d %s", (text, value, currency) => {
    expect(read(text)).toEqual([value, currency, "exact"]);
  });

  test.each(["港币2960美元", "美元100英镑", "人民币50美元"])(
    "%s disagrees and is refused",
    (text) => {
      expect(parseAmount(text)).toMatchObject({ ok: false, code: "ambiguous" });
    }
  );
});

describe("every character is accounted for", () => {
  test.each([
    ["1500万x", "x", 6],
    ["15甲00万", "甲", 3],
    ["项目1500万", "项目", 1],
  ])("%s names %s at character %d", (text, ch, pos) => {
    const r = parseAmount(text);
    expect(r).toMatchObject({ ok: false, code: "unreadable" });
    if (!r.ok) {
      expect(r.message.en).toContain(`"${ch}" at character ${pos}`);
      expect(r.message.zh).toContain(`第 ${pos} 个字符`);
    }
  });

  test.each(["计划1.8亿元", "约1500万", "人民币1500万", "共计1500万", "1500万元整"])(
    "known filler in %s is read past",
    (text) => {
      expect(parseAmount(text).ok).toBe(true);
    }
  );

  /** Characters no word of the lexicon contains. */
  const UNKNOWN = ["q", "z", "@", "#", "甲", "乙", "项", "栋", "☆", "§"];
  const valid = fc.oneof(
    singleAmountText,
    rangeAmountText,
    fc.constantFrom(...ISSUE_FORMS.map(([t]) => t))
  );

  test("inserting unknown characters gives an error or the same value, never a different one", () => {
    fc.assert(
      fc.property(
        valid,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...UNKNOWN)), { minLength: 1, maxLength: 3 }),
        (text, inserts) => {
          const before = parseAmount(text);
          let s = text;
          for (const [at, ch] of inserts) {
            const i = at % (s.length + 1);
            s = s.slice(0, i) + ch + s.slice(i);
          }
          const after = parseAmount(s);
          if (!after.ok) return true;
          return (
            before.ok && Object.is(after.value, before.value) && after.currency === before.currency
          );
        }
      ),
      { numRuns: 20000 }
    );
  });
});

test.each(ISSUE_FORMS)("generator form %s reads as %d", (text, value) => {
  expect(ok(parseAmount(text)).value).toBe(value);
});

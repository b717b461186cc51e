/** Combining zone lists (src/workbook/merge.ts): which items are the same project. */
import type { MergeItem } from "../../src/workbook/merge";
import { duplicateOf, normalisedName } from "../../src/workbook/merge";

const item = (
  name: string | null,
  investor: string | null = null,
  amount: MergeItem["amount"] = null
): MergeItem => ({ name, investor, amount });

test("names compare without company and project suffixes, case, spaces and punctuation", () => {
  expect(normalisedName("平湖 新材料 项目")).toBe("平湖新材料");
  expect(normalisedName("浙江凯阳新材料股份有限公司")).toBe("浙江凯阳新材料");
  expect(normalisedName("嘉兴某某有限责任公司")).toBe("嘉兴某某");
  expect(normalisedName("某某集团")).toBe("某某");
  expect(normalisedName("Novares Co., Ltd.")).toBe("novares");
  expect(normalisedName("Eppendorf Inc.")).toBe("eppendorf");
  expect(normalisedName("Nidec Project")).toBe("nidec");
  // Each part of "Co., Ltd." may be written without its dot or comma, or left out.
  for (const suffix of ["Co., Ltd.", "Co. Ltd.", "Co Ltd", "Co.,Ltd", "Ltd", "Ltd.", "Inc", "Inc."])
    expect(normalisedName(`Novares ${suffix}`)).toBe("novares");
  // "project" only at the end.
  expect(normalisedName("Project Nidec")).toBe("projectnidec");
  // 项目 only at the end: a name that merely contains it keeps it.
  expect(normalisedName("项目管理中心")).toBe("项目管理中心");
  expect(normalisedName("A，B。C")).toBe("abc");
  // Latin company words only as whole words at the end: names that merely contain them keep them.
  expect(normalisedName("Princeton Ltd")).toBe("princeton");
  expect(normalisedName("Ningbo Zinc")).toBe("ningbozinc");
  expect(normalisedName("Incubator Park")).toBe("incubatorpark");
  expect(normalisedName("Novares (Suzhou) Co., Ltd. 项目")).toBe("novaressuzhou");
  expect(normalisedName("Acme Limited")).toBe("acme");
});

test("the same name, or the same investor with the same amount, points to the first", () => {
  const wan = (v: number) => ({ value: v, currency: "CNY" });
  expect(
    duplicateOf([
      item("诺瓦瑞斯汽车零部件项目", "法国诺瓦瑞斯", wan(1e8)),
      item("尼得科机床"),
      item("诺瓦瑞斯汽车零部件"),
      item("另一个名字", "法国诺瓦瑞斯有限公司", wan(1e8 + 0.4)),
      item("尼得科机床项目"),
    ])
  ).toEqual([0, 1, 0, 0, 1]);
});

test("no name and no investor with an amount: each item stands alone", () => {
  expect(duplicateOf([item(null), item(null), item("", "某公司"), item("", "某公司")])).toEqual([
    0, 1, 2, 3,
  ]);
});

test("the same investor with a different amount or currency is another project", () => {
  expect(
    duplicateOf([
      item("甲", "某公司", { value: 1e8, currency: "CNY" }),
      item("乙", "某公司", { value: 2e8, currency: "CNY" }),
      item("丙", "某公司", { value: 1e8, currency: "USD" }),
      item("丁", "某公司", { value: 1e8, currency: "CNY" }),
    ])
  ).toEqual([0, 1, 2, 0]);
});

test("an investor keeps the group it was first seen in", () => {
  const x = { value: 1e8, currency: "CNY" };
  // 2 joins 1 by its name; its investor X still belongs to 0's group, so 3 (investor X) joins 0.
  expect(
    duplicateOf([
      item("甲", "某公司X", x),
      item("乙", "某公司Y", x),
      item("乙", "某公司X", x),
      item("丙", "某公司X", x),
    ])
  ).toEqual([0, 1, 1, 0]);
});

test("a later duplicate joins the group's first, not the item it matched", () => {
  // 2 matches 1 by investor, and 1 is a duplicate of 0 by name: 2 belongs to 0.
  expect(
    duplicateOf([
      item("甲项目"),
      item("甲", "某公司", { value: 5e7, currency: "CNY" }),
      item("乙", "某公司", { value: 5e7, currency: "CNY" }),
    ])
  ).toEqual([0, 0, 0]);
});

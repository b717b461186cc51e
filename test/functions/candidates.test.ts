/**
 * The worksheet functions map headers as the other hosts do (src/functions/candidates.ts uses mapColumns):
 * a yes/no column asking after a chain role (是否链主) reads a yes as that role in ZS.SCORE, ZS.GRADE,
 * ZS.EXPLAIN and ZS.SCORES alike. Tested on the sources, not the built bundle.
 */
import { explainFn, grade, score, scores } from "../../src/functions/functions";

const HEAD = ["项目名称", "总投资", "所属产业链", "项目进度"];
const ROW = ["甲新能源汽车整车项目", "5亿元", "新能源汽车", "签约"];

describe("ZS.SCORE with a 是否链主 column", () => {
  const row = (cell: string) => [[...ROW, cell]];
  const headers = (header: string) => [[...HEAD, header]];

  test.each(["是否链主", "是否为链主企业", "链主企业（是/否）", "是否龙头企业"])(
    "%s: 是 scores and grades as 链上定位 链主 does; 否 as a blank role",
    (header) => {
      const leader = score(row("链主"), headers("链上定位"));
      const none = score(row(""), headers("链上定位"));
      expect(leader).toBeGreaterThan(none);
      expect(score(row("是"), headers(header))).toBe(leader);
      expect(grade(row("是"), headers(header))).toBe(grade(row("链主"), headers("链上定位")));
      expect(score(row("否"), headers(header))).toBe(none);
    }
  );

  test("ZS.EXPLAIN names the reason: the floor of a credible chain leader", () => {
    expect(explainFn(row("是"), headers("是否链主"))).toContain("可信的链主");
  });

  test("ZS.SCORES over a list: the 是 row ranks as the 链主 row of a 链上定位 list", () => {
    const list = (header: string, cells: string[]) => [
      [...HEAD, header],
      ...cells.map((c, i) => [`项目${i}`, ...ROW.slice(1), c]),
    ];
    const yesNo = scores(list("是否链主", ["否", "是"]));
    const role = scores(list("链上定位", ["", "链主"]));
    expect(yesNo).toEqual(role);
    expect(yesNo[2].slice(0, 3)).toEqual([50, "B", 1]);
  });
});

describe("ZS.SCORE with a 预期效益 column several fields share", () => {
  const row = (cell: string) => [[...ROW, cell]];
  const headers = (header: string) => [[...HEAD, header]];

  test("output and tax in one cell score as the two columns 达产营业额 and 年税收 do", () => {
    const both = score(row("达产后年产值10亿元，税收5000万元"), headers("预期效益"));
    const apart = score([[...ROW, "10亿元", "5000万元"]], [[...HEAD, "达产营业额", "年税收"]]);
    expect(both).toBe(apart);
    expect(both).toBeGreaterThan(score(row("达产后年产值10亿元"), headers("预期效益")));
    // An unlabelled figure scores as a blank for both, never as either.
    expect(score(row("10亿元"), headers("预期效益"))).toBe(score(row(""), headers("预期效益")));
  });
});

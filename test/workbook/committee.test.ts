/**
 * A review committee's judgements pasted as a long table: group AHP weights (geometric mean of the
 * judgements), each expert's CR, and agreement by Kendall's W; scores by expert for W alone.
 */
import { committeeFromSheets, readCommittee } from "../../src/workbook/committee";
import type { CellValue, DimensionDef } from "../../src/engine/types";
import type { SheetData } from "../../src/workbook/types";
import { model } from "../models/default-model";

const dims = model.dimensions;

/** An expert whose every judgement is w_i / w_j: perfectly consistent, own weights exactly w. */
function consistentRows(expert: string, w: number[], fraction = false): string[] {
  const rows: string[] = [];
  for (let i = 0; i < w.length; i++)
    for (let j = i + 1; j < w.length; j++) {
      const v = w[i] / w[j];
      const cell = fraction && v < 1 ? `1/${w[j] / w[i]}` : String(v);
      rows.push([expert, dims[i].label.zh, dims[j].label.zh, cell].join("\t"));
    }
  return rows;
}

const normalise = (w: number[]) => w.map((x) => x / w.reduce((a, b) => a + b, 0));

test("two consistent experts: CR 0 each, combined weights the normalised geometric mean of theirs", () => {
  const a = [4, 2, 2, 1, 1, 1, 1].slice(0, dims.length);
  const b = [1, 1, 2, 2, 4, 1, 1].slice(0, dims.length);
  const text = [
    "专家\t维度A\t维度B\t判断值",
    ...consistentRows("王", a, true),
    ...consistentRows("李", b),
  ].join("\n");
  const r = readCommittee(text, model);
  if (!r.ok || r.committee.kind !== "pairwise") throw new Error(JSON.stringify(r));
  const c = r.committee;
  expect(c.experts.map((e) => e.name)).toEqual(["王", "李"]);
  for (const e of c.experts) expect(e.cr).toBeCloseTo(0, 9);
  c.experts[0].weights.forEach((x, i) => expect(x).toBeCloseTo(normalise(a)[i], 9));
  const geo = normalise(a.map((x, i) => Math.sqrt(x * b[i])));
  dims.forEach((d, i) => expect(c.weights[d.id]).toBeCloseTo(geo[i], 9));
  expect(c.cr).toBeCloseTo(0, 9);
  expect(c.agreement).toBeGreaterThan(0);
  expect(c.agreement).toBeLessThan(1);
});

test("experts who agree exactly have Kendall's W = 1; names may be ids or English labels", () => {
  const w = dims.map((_, i) => dims.length - i);
  const en = consistentRows("A", w).map((r) => {
    const [e, x, y, v] = r.split("\t");
    const id = (zh: string) => dims.find((d) => d.label.zh === zh)!;
    return [e, id(x).label.en, id(y).id, v].join(",");
  });
  const r = readCommittee([...en, ...consistentRows("B", w)].join("\n"), model);
  if (!r.ok || r.committee.kind !== "pairwise") throw new Error(JSON.stringify(r));
  expect(r.committee.agreement).toBeCloseTo(1, 12);
});

test("scores by expert: identical rankings W = 1, two opposite rankings W = 0", () => {
  const same = ["甲", "乙", "丙"].flatMap((e) =>
    ["P1", "P2", "P3", "P4"].map((p, k) => `${e},${p},${90 - k * 10}`)
  );
  const r = readCommittee(["专家,项目,评分", ...same].join("\n"), model);
  expect(r).toEqual({
    ok: true,
    committee: { kind: "scores", experts: ["甲", "乙", "丙"], projects: 4, agreement: 1 },
  });
  const opposite = ["P1", "P2", "P3"].flatMap((p, k) => [`甲\t${p}\t${k}`, `乙\t${p}\t${-k}`]);
  const o = readCommittee(opposite.join("\n"), model);
  expect(o.ok && o.committee.kind === "scores" && o.committee.agreement).toBeCloseTo(0, 12);
});

test("bad tables are refused with the row and what is wrong", () => {
  const no = (text: string) => {
    const r = readCommittee(text, model);
    if (r.ok) throw new Error("accepted");
    return r.message;
  };
  expect(no("")).toEqual({
    zh: "没有数据：请粘贴“专家、维度 A、维度 B、判断值”或“专家、项目、评分”的长表",
    en: 'No data: paste a long table of "expert, dimension A, dimension B, judgement" or "expert, project, score"',
  });
  expect(no("王\t规模\t产业链契合\t3\n王\t规模\t3").en).toBe(
    "row 2 has 3 columns: every row needs 4 (expert, dimension A, dimension B, judgement) or 3 (expert, project, score), the same in each row"
  );
  expect(no(`王\t${dims[0].label.zh}\t市场前景\t3`).zh).toBe(
    `第 1 行：“市场前景”不是模型的维度（${dims.map((d) => d.label.zh).join("、")}）`
  );
  // Only two dimensions judged: the others are named.
  expect(no(`王\t${dims[0].label.zh}\t${dims[1].label.zh}\t3`)).toEqual({
    zh: `没有对维度${dims
      .slice(2)
      .map((d) => `“${d.label.zh}”`)
      .join("、")}的判断`,
    en: `no judgement on ${dims
      .slice(2)
      .map((d) => `"${d.label.en}"`)
      .join(", ")}`,
  });
  expect(no("甲,P1,90\n甲,P2,80")).toEqual({
    zh: "一致性需要至少 2 位专家",
    en: "agreement needs at least 2 experts",
  });
  expect(no("甲,P1,90\n乙,P2,80")).toEqual({
    zh: "乙 没有给“P1”评分",
    en: '乙 gave no score for "P1"',
  });
  // The first expert lacks the second project.
  expect(no("甲,P1,90\n乙,P1,80\n乙,P2,70")).toEqual({
    zh: "甲 没有给“P2”评分",
    en: '甲 gave no score for "P2"',
  });
});

test("long tables: every row of 3 or 4 cells, blank cells named by row, dimension names listed", () => {
  const no = (text: string) => {
    const r = readCommittee(text, model);
    if (r.ok) throw new Error("accepted");
    return r.message;
  };
  const columns = (k: number) => ({
    zh: `第 1 行有 ${k} 列：每行应为 4 列（专家、维度 A、维度 B、判断值）或 3 列（专家、项目、评分），各行相同`,
    en: `row 1 has ${k} columns: every row needs 4 (expert, dimension A, dimension B, judgement) or 3 (expert, project, score), the same in each row`,
  });
  expect(no("甲,90\n乙,80")).toEqual(columns(2));
  expect(no("甲,P1,90,1,2\n乙,P1,3,4,5")).toEqual(columns(5));
  const [d0, d1] = dims;
  const list = {
    zh: dims.map((d) => d.label.zh).join("、"),
    en: dims.map((d) => d.label.en).join(", "),
  };
  expect(no(`王\t${d0.label.zh}\t\t3`)).toEqual({
    zh: `第 1 行：“”不是模型的维度（${list.zh}）`,
    en: `row 1: "" is not a dimension of the model (${list.en})`,
  });
  // Also when a dimension has no English name: a blank cell names none.
  const unnamed = {
    ...model,
    dimensions: dims.map((d, i) => (i === 1 ? { ...d, label: { ...d.label, en: "" } } : d)),
  };
  const r = readCommittee(`王\t${d0.label.zh}\t\t3`, unnamed);
  expect(!r.ok && r.message.en.startsWith('row 1: "" is not a dimension of the model')).toBe(true);
  expect(no(`王\t${d0.label.zh}\t${d1.label.zh}\t3\n王\t${d1.label.zh}\t${d0.label.zh}\t`)).toEqual(
    {
      zh: "第 2 行没有判断值",
      en: "row 2 has no judgement",
    }
  );
  // (a first row ending in a text would be a header)
  expect(
    no(`王\t${d0.label.zh}\t${d1.label.zh}\t3\n李\t${d0.label.zh}\t${d1.label.zh}\t很重要`)
  ).toEqual({
    zh: "第 2 行：“很重要”不是判断值",
    en: 'row 2: "很重要" is not a judgement',
  });
  expect(no("甲,P1,90\n乙,P1,\n甲,P2,3\n乙,P2,4")).toEqual({
    zh: "第 2 行没有评分",
    en: "row 2 has no score",
  });
  // A first row ending in a blank is no header (a header names its last column).
  expect(no("甲,P1,\n乙,P1,90").en).toBe("row 1 has no score");
  // A fraction only as a whole cell.
  for (const cell of ["x1/3", "1/3x"])
    expect(no(`甲,P1,90\n乙,P1,${cell}`)).toEqual({
      zh: `第 2 行：“${cell}”不是评分`,
      en: `row 2: "${cell}" is not a score`,
    });
});

test("long tables: a refusal names the line as pasted, counting the header and blank lines", () => {
  const no = (text: string) => {
    const r = readCommittee(text, model);
    if (r.ok) throw new Error("accepted");
    return r.message;
  };
  // Header on line 1, a blank line 3: the row with no score is line 4.
  expect(no("专家,项目,评分\n甲,P1,90\n\n乙,P1,\n甲,P2,3\n乙,P2,4")).toEqual({
    zh: "第 4 行没有评分",
    en: "row 4 has no score",
  });
  expect(no("专家,项目,评分\n甲,P1,90\n\n乙,P1,很高")).toEqual({
    zh: "第 4 行：“很高”不是评分",
    en: 'row 4: "很高" is not a score',
  });
  const [d0, d1] = dims;
  expect(no(`专家\t维度A\t维度B\t判断\n\n王\t${d0.label.zh}\t${d1.label.zh}\t\n`).en).toBe(
    "row 3 has no judgement"
  );
  expect(no(`专家\t维度A\t维度B\t判断\n王\t${d0.label.zh}\t市场前景\t3`).zh).toMatch(
    /^第 2 行：“市场前景”不是模型的维度/
  );
  expect(no("专家,项目,评分\n\n甲,P1,90\n乙,80").en).toMatch(/^row 4 has 2 columns/);
});

test("long tables: fractions with decimals and spaces, blank lines, cells trimmed", () => {
  const text = [
    "",
    " 甲 , P1 , 2",
    "甲,P2,0.5",
    "",
    "甲,P3,0.4",
    "甲,P4,0.25",
    "甲,P5,0.19",
    "乙,P1 ,10/5",
    "乙,P2,1.25/2.5",
    "乙,P3,1 / 2.5",
    "乙,P4,12/48",
    "乙,P5,1/5.25",
    "",
  ].join("\n");
  expect(readCommittee(text, model)).toEqual({
    ok: true,
    committee: { kind: "scores", experts: ["甲", "乙"], projects: 5, agreement: 1 },
  });
});

test("one expert: weights and CR, and no agreement to measure", () => {
  const r = readCommittee(
    consistentRows(
      "王",
      dims.map((_, i) => i + 1)
    ).join("\n"),
    model
  );
  if (!r.ok || r.committee.kind !== "pairwise") throw new Error(JSON.stringify(r));
  expect(r.committee.experts.map((e) => e.name)).toEqual(["王"]);
  expect(r.committee.agreement).toBeNaN();
});

describe("one sheet per expert", () => {
  /** An expert's matrix sheet of consistent judgements w_i / w_j, dimensions in `order` both ways. */
  function matrixSheet(
    name: string,
    w: number[],
    o: { order?: number[]; en?: boolean; upperOnly?: boolean; title?: boolean } = {}
  ): SheetData {
    const order = o.order ?? dims.map((_, i) => i);
    const label = (i: number) => (o.en ? dims[i].label.en : dims[i].label.zh);
    const cell = (i: number, j: number, a: number, b: number): CellValue => {
      if (o.upperOnly && b < a) return null;
      const v = w[i] / w[j];
      return v < 1 && Number.isInteger(w[j] / w[i]) ? `1/${w[j] / w[i]}` : v;
    };
    const grid: CellValue[][] = [
      ...(o.title ? [[`${name} 的判断`], []] : []),
      [o.en ? "" : "维度", ...order.map(label)],
      ...order.map((i, a) => [label(i), ...order.map((j, b) => cell(i, j, a, b))]),
    ];
    return { name, grid };
  }
  const a = [4, 2, 2, 1, 1, 1, 1].slice(0, dims.length);
  const b = [1, 1, 2, 2, 4, 1, 1].slice(0, dims.length);
  const c = [2, 1, 1, 2, 1, 1, 4].slice(0, dims.length);

  test("matrices in any layout read as the long table of the same judgements; consistent experts keep their weights", () => {
    const reversed = dims.map((_, i) => dims.length - 1 - i);
    const sheets = [
      matrixSheet("王", a),
      // English labels, the dimensions in another order, one side of the diagonal, under a title,
      // and read from C5 (its used range).
      {
        ...matrixSheet("Li", b, { en: true, order: reversed, upperOnly: true, title: true }),
        origin: { row: 4, col: 2 },
      },
      matrixSheet("张", c, { upperOnly: true }),
    ];
    const r = committeeFromSheets(sheets, model);
    if (!r.ok || r.committee.kind !== "pairwise") throw new Error(JSON.stringify(r));
    const long = readCommittee(
      [
        ...consistentRows("王", a, true),
        ...consistentRows("Li", b),
        ...consistentRows("张", c),
      ].join("\n"),
      model
    );
    expect(r).toEqual(long);
    expect(r.committee.experts.map((e) => e.name)).toEqual(["王", "Li", "张"]);
    r.committee.experts.forEach((e, k) => {
      expect(e.cr).toBeCloseTo(0, 9);
      e.weights.forEach((x, i) => expect(x).toBeCloseTo(normalise([a, b, c][k])[i], 9));
    });
    const geo = normalise(a.map((x, i) => Math.cbrt(x * b[i] * c[i])));
    dims.forEach((d, i) =>
      expect(r.committee.kind === "pairwise" && r.committee.weights[d.id]).toBeCloseTo(geo[i], 9)
    );
  });

  test("AIP: the geometric mean of each expert's weights, and no combined matrix to have a CR", () => {
    const r = committeeFromSheets([matrixSheet("王", a), matrixSheet("李", b)], model, "aip");
    if (!r.ok || r.committee.kind !== "pairwise") throw new Error(JSON.stringify(r));
    expect(r.committee.aggregation).toBe("aip");
    expect(r.committee.cr).toBeNaN();
    const geo = normalise(normalise(a).map((x, i) => Math.sqrt(x * normalise(b)[i])));
    dims.forEach((d, i) =>
      expect(r.committee.kind === "pairwise" && r.committee.weights[d.id]).toBeCloseTo(geo[i], 9)
    );
  });

  test("scores tables: the projects in any order, agreement by Kendall's W", () => {
    const table = (name: string, rows: [string, number][]): SheetData => ({
      name,
      grid: [
        ["评审打分表"],
        ["序号", "项目名称", "评分"],
        ...rows.map(([p, s], k) => [k + 1, p, s]),
      ],
    });
    const same = committeeFromSheets(
      [
        table("甲", [
          ["P1", 90],
          ["P2", 80],
          ["P3", 70],
        ]),
        table("乙", [
          ["P3", 60],
          ["P1", 95],
          ["P2", 85],
        ]),
      ],
      model
    );
    expect(same).toEqual({
      ok: true,
      committee: { kind: "scores", experts: ["甲", "乙"], projects: 3, agreement: 1 },
    });
    const opposite = committeeFromSheets(
      [
        {
          name: "甲",
          grid: [
            ["Project", "Score"],
            ["P1", 1],
            ["P2", 2],
            ["P3", 3],
          ],
        },
        {
          name: "乙",
          grid: [
            ["Project", "Score"],
            ["P1", 3],
            ["P2", 2],
            ["P3", 1],
          ],
        },
      ],
      model
    );
    expect(opposite.ok && opposite.committee.agreement).toBeCloseTo(0, 12);
  });

  describe("a sheet that differs is named with the cell", () => {
    const no = (sheets: SheetData[]) => {
      const r = committeeFromSheets(sheets, model);
      if (r.ok) throw new Error("accepted");
      return r.message;
    };
    /** 王's matrix with one cell changed (grid row, column). */
    const edited = (row: number, col: number, v: CellValue): SheetData => {
      const s = matrixSheet("王", a);
      s.grid[row][col] = v;
      return s;
    };
    const [d0, d1, d2] = dims;

    test("a judgement that is not a number, not positive, or a diagonal other than 1", () => {
      expect(no([matrixSheet("李", b), edited(1, 3, "很重要")])).toEqual({
        zh: "工作表「王」的 D2：“很重要”不是判断值（应为 1–9，或 1/3 这样的倒数）",
        en: 'sheet "王", cell D2: "很重要" is not a judgement (1–9, or a reciprocal such as 1/3)',
      });
      // Read from its used range B3 on: the address is the sheet's, not the grid's.
      expect(no([{ ...edited(1, 3, "很重要"), origin: { row: 2, col: 1 } }]).zh).toBe(
        "工作表「王」的 E4：“很重要”不是判断值（应为 1–9，或 1/3 这样的倒数）"
      );
      expect(no([edited(1, 3, 0)])).toEqual({
        zh: "工作表「王」的 D2：判断值应大于 0，实为 0",
        en: 'sheet "王", cell D2: a judgement must be > 0, got 0',
      });
      expect(no([edited(2, 2, 3)])).toEqual({
        zh: "工作表「王」的 C3：对角线应为 1，实为 3",
        en: 'sheet "王", cell C3: the diagonal must be 1, got 3',
      });
    });

    test("a matrix ends at the first blank cell across and down: notes beyond it are not read", () => {
      const noted = matrixSheet("王", a);
      noted.grid[0].push(null, "备注");
      noted.grid.length += 1; // a row the reader left out (sparse)
      noted.grid.push(["说明：按 1–9 标度"], [], ["审核人", "张"]);
      expect(committeeFromSheets([noted], model)).toEqual(
        committeeFromSheets([matrixSheet("王", a)], model)
      );
      expect(committeeFromSheets([noted], model).ok).toBe(true);
    });

    test("a pair missing on both sides, or given twice but not as reciprocals", () => {
      // The first pair with the first dimension, the second away from it.
      const blanks: [number, number, string, string, DimensionDef, DimensionDef][] = [
        [1, 3, "D2", "B4", d0, d2],
        [2, 3, "D3", "C4", d1, d2],
      ];
      for (const [r, c, up, down, x, y] of blanks) {
        const blank = edited(r, c, null);
        blank.grid[c][r] = "";
        expect(no([blank])).toEqual({
          zh: `工作表「王」的 ${up}：与 ${down} 都为空：缺少“${x.label.zh}”与“${y.label.zh}”的比较`,
          en: `sheet "王", cell ${up}: blank, and so is ${down}: "${x.label.en}" is not compared with "${y.label.en}"`,
        });
      }
      // a[0] / a[1] = 2 above, 2 again below where 1/2 belongs; a[1] / a[2] = 1 above, 3 below.
      const unpaired: [SheetData, string, string, string][] = [
        [edited(2, 1, 2), "C2", "2", "B3 的 2"],
        [edited(3, 2, 3), "D3", "1", "C4 的 3"],
      ];
      for (const [sheet, up, given, mirror] of unpaired) {
        const [cell, value] = mirror.split(" 的 ");
        expect(no([sheet])).toEqual({
          zh: `工作表「王」的 ${up}：${given} 与 ${mirror} 不互为倒数`,
          en: `sheet "王", cell ${up}: ${given} is not the reciprocal of ${value} in ${cell}`,
        });
      }
      // Rounded reciprocals are the engine's to accept: 0.33 against 3.
      const rounded = matrixSheet("王", [3, 1, 1, 1, 1, 1, 1].slice(0, dims.length));
      rounded.grid[2][1] = 0.33;
      expect(committeeFromSheets([rounded], model).ok).toBe(true);
    });

    test("headers: an unknown or repeated dimension, a missing one, no column of names", () => {
      expect(no([matrixSheet("李", b), edited(0, 2, "市场前景")])).toEqual({
        zh: `工作表「王」的 C1：“市场前景”不是模型的维度（${dims.map((d) => d.label.zh).join("、")}）`,
        en: `sheet "王", cell C1: "市场前景" is not a dimension of the model (${dims.map((d) => d.label.en).join(", ")})`,
      });
      expect(no([edited(3, 0, d1.label.zh)])).toEqual({
        zh: `工作表「王」的 A4：维度“${d1.label.zh}”出现了两次`,
        en: `sheet "王", cell A4: dimension "${d1.label.zh}" appears twice`,
      });
      const short = matrixSheet("王", a);
      short.grid = short.grid.map((row) => row.slice(0, -1));
      expect(no([short])).toEqual({
        zh: `工作表「王」第 1 行的表头缺少维度：${dims[dims.length - 1].label.zh}`,
        en: `sheet "王": the header row (row 1) lacks ${dims[dims.length - 1].label.en}`,
      });
      const noRow = matrixSheet("王", a);
      noRow.grid = noRow.grid.slice(0, -1);
      expect(no([noRow])).toEqual({
        zh: `工作表「王」矩阵的首列缺少维度：${dims[dims.length - 1].label.zh}`,
        en: `sheet "王": the matrix's first column lacks ${dims[dims.length - 1].label.en}`,
      });
      // Read from C5 on: the header's row is the sheet's.
      expect(no([{ ...short, origin: { row: 4, col: 2 } }]).en).toBe(
        `sheet "王": the header row (row 5) lacks ${dims[dims.length - 1].label.en}`
      );
      // Two dimensions across are a matrix's header already: the others are missing from it.
      const two: SheetData = {
        name: "王",
        grid: [
          ["", d0.label.zh, d1.label.zh],
          [d0.label.zh, 1, 2],
          [d1.label.zh, 0.5, 1],
        ],
      };
      expect(no([two]).en).toBe(
        `sheet "王": the header row (row 1) lacks ${dims
          .slice(2)
          .map((d) => d.label.en)
          .join(", ")}`
      );
      const noLabels = matrixSheet("王", a);
      noLabels.grid = noLabels.grid.map((row) => row.slice(1));
      expect(no([noLabels])).toEqual({
        zh: "工作表「王」的 A1：矩阵左侧应有一列维度名（每行比较的是哪个维度）",
        en: 'sheet "王", cell A1: the matrix needs a column of dimension names on its left (which dimension each row compares)',
      });
    });

    test("a sheet of neither shape, sheets of two kinds, no sheet", () => {
      const notes: SheetData = { name: "备注", grid: [["会议纪要"], ["同意"]] };
      expect(no([matrixSheet("王", a), notes])).toEqual({
        zh: "工作表「备注」既不是判断矩阵（表头和首列为模型的维度），也不是评分表（含“项目”和“评分”列）",
        en: 'sheet "备注" is neither a pairwise matrix (the model\'s dimensions across its header row and down its first column) nor a scores table (a "project" and a "score" column)',
      });
      const scores: SheetData = {
        name: "李",
        grid: [
          ["项目", "评分"],
          ["P1", 80],
        ],
      };
      expect(no([matrixSheet("王", a), scores])).toEqual({
        zh: "工作表「李」是评分表，而「王」是判断矩阵：各位专家的表应为同一种",
        en: 'sheet "李" is a scores table but "王" is a pairwise matrix: every expert\'s sheet must be of one kind',
      });
      expect(no([])).toEqual({
        zh: "请选择工作表：每位专家一张",
        en: "Choose the sheets: one per expert",
      });
    });

    test("scores tables: the score column first, a project column not named so, blank and missing rows", () => {
      const same = (grid: CellValue[][]) =>
        committeeFromSheets(
          [
            { name: "甲", grid },
            {
              name: "乙",
              grid: [
                ["项目", "评分"],
                ["P1", 9],
                ["P2", 8],
              ],
            },
          ],
          model
        );
      const agreed = {
        ok: true,
        committee: { kind: "scores", experts: ["甲", "乙"], projects: 2, agreement: 1 },
      };
      expect(
        same([
          ["评分", "项目"],
          [90, "P1"],
          [80, "P2"],
        ])
      ).toEqual(agreed);
      expect(
        same([
          ["", "评分", "公司"],
          [null, 90, "P1"],
          [null, 80, "P2"],
        ])
      ).toEqual(agreed);
      const gaps: CellValue[][] = [
        ["项目", "评分"],
        ["P1", 90],
        [null, null],
      ];
      gaps.length += 1; // a row the reader left out (sparse)
      gaps.push(["", 70], ["P2", 80]);
      expect(same(gaps)).toEqual(agreed);
      // A score column with nothing beside it names no projects.
      const lone: SheetData = { name: "甲", grid: [["评分"], [80], [90]] };
      expect(no([lone, lone]).en).toBe(
        'sheet "甲" is neither a pairwise matrix (the model\'s dimensions across its header row and down its first column) nor a scores table (a "project" and a "score" column)'
      );
    });

    test("scores: a cell that is not a number, a blank score, a project twice, a project one expert lacks", () => {
      const t = (name: string, ...rows: CellValue[][]): SheetData => ({
        name,
        grid: [["项目", "评分"], ...rows],
      });
      const ok = t("甲", ["P1", 90], ["P2", 80]);
      expect(no([ok, t("乙", ["P1", "优"], ["P2", 80])])).toEqual({
        zh: "工作表「乙」的 B2：“优”不是数字",
        en: 'sheet "乙", cell B2: "优" is not a number',
      });
      expect(no([ok, t("乙", ["P1", 90], ["P2", null])])).toEqual({
        zh: "工作表「乙」的 B3：“P2”没有评分",
        en: 'sheet "乙", cell B3: "P2" has no score',
      });
      expect(no([ok, t("乙", ["P1", 90], ["P1", 80])])).toEqual({
        zh: "工作表「乙」的 A3：项目“P1”出现了两次",
        en: 'sheet "乙", cell A3: project "P1" appears twice',
      });
      expect(no([ok, t("乙", ["P1", 90])])).toEqual({
        zh: "工作表「乙」没有项目“P2”（其他专家的表中有）",
        en: 'sheet "乙" lacks project "P2" (other experts\' sheets have it)',
      });
    });
  });
});

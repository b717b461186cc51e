/**
 * A review committee's judgements pasted as a long table: group AHP weights (geometric mean of the
 * judgements), each expert's CR, and agreement by Kendall's W; scores by expert for W alone.
 */
import { readCommittee } from "../../src/taskpane/committee";
import { model } from "../models/sample-helpers";

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
  expect(no("甲,P1,90\n甲,P2,80").en).toBe("agreement needs at least 2 experts");
  expect(no("甲,P1,90\n乙,P2,80")).toEqual({
    zh: "乙 没有给“P1”评分",
    en: '乙 gave no score for "P1"',
  });
});

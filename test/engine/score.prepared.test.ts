/**
 * The prepared scoring (engine/score prepareScoring) run again and again — the one-row path behind
 * ZS.SCORE, whose readers remember texts across calls — gives exactly what a fresh batch scoring of
 * the same row gives, on the default model with rows of every kind of cell: blanks, words, amounts
 * with units, Excel errors, unsaved formulas, negations and intentions.
 */
import fc from "fast-check";
import { compileModel, loadModel } from "../../src/engine/model";
import { prepareScoring, scoreTable, ScoredTable } from "../../src/engine/score";
import { resolveStage, stageIndex } from "../../src/engine/answers";
import { CandidateTable, CellValue, FieldDef } from "../../src/engine/types";
import pinghu from "../../src/models/pinghu-2023.json";

const model = loadModel(pinghu);
const compiled = compileModel(model);

const junk = fc.constantFrom<CellValue>(
  null,
  "",
  " ",
  "-",
  "待定",
  "不详",
  "#N/A",
  "#VALUE!",
  "=A1",
  "2023-05-01"
);
const words = fc.constantFrom<CellValue>(
  "是",
  "否",
  "拟申报",
  "正在申请",
  "未上市",
  "科创板上市",
  "省级研发中心",
  "无",
  "有（2022年环保行政处罚）",
  "日资",
  "港资",
  "上海",
  "Germany",
  "已签约",
  "未签约",
  "待开工",
  "投产",
  "链主",
  "关键环节",
  "新能源汽车",
  "高档数控机床/新能源汽车",
  "工业用地",
  "育种基地",
  "酒店",
  "不涉及汽车整车",
  "用于新能源汽车驱动零部件的数控机床",
  "光学级TPU薄膜生产线",
  "鼓励类",
  "限制",
  "禁止",
  "报告书"
);
const amounts = fc.oneof(
  fc.constantFrom<CellValue>(
    "1500万美元",
    "约1.8亿元",
    "1-2亿",
    "5000万元以上",
    "１５００万美元",
    "USD 15m",
    "近700万元",
    "1350万欧元",
    "-5亿元"
  ),
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.double({ min: -10, max: 1e7, noNaN: true })
);
const numbers = fc.oneof(
  fc.constantFrom<CellValue>("83.6亩", "53360平方米", "5.3 ha", "15%", "1,200", "约 30"),
  fc.double({ min: -1, max: 5000, noNaN: true }),
  fc.integer({ min: 0, max: 2000 })
);

function cell(f: FieldDef): fc.Arbitrary<CellValue> {
  const typed =
    f.type === "amount" ? amounts : f.type === "text" || f.type === "category" ? words : numbers;
  return fc.oneof(typed, words, junk, fc.string({ maxLength: 6 }));
}

const row = fc.record(Object.fromEntries(model.fields.map((f) => [f.id, cell(f)]))) as fc.Arbitrary<
  Record<string, CellValue>
>;

const oneRow = (r: Record<string, CellValue>): CandidateTable => ({
  count: 1,
  columns: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [v]])),
});

/** Everything a scored row holds, as plain values (NaN kept by Object.is through toEqual). */
function results(s: ScoredTable): unknown {
  const arrays = (xs: ArrayLike<number>[]) => xs.map((x) => Array.from(x));
  return {
    total: Array.from(s.total),
    low: Array.from(s.low),
    high: Array.from(s.high),
    completeness: Array.from(s.completeness),
    grade: Array.from(s.grade),
    decision: Array.from(s.decision),
    stage: Array.from(s.stage),
    excluded: Array.from(s.excluded),
    chains: [...s.chains],
    criteria: arrays(s.criterionValues),
    dimensions: arrays(s.dimensionScores),
    gates: arrays(s.gateStatus),
    bonuses: arrays(s.bonusHits),
    flags: arrays(s.flagHits),
    columns: Object.fromEntries(
      Object.entries(s.columns).map(([k, v]) => [k, Array.isArray(v) ? [...v] : Array.from(v)])
    ),
  };
}

describe("prepared one-row scoring", () => {
  test("run again and again equals a fresh scoring of each row (property)", () => {
    const prepared = prepareScoring(compiled, 1);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        for (const r of rows) {
          const table = oneRow(r);
          const fast = results(prepared.run(table));
          expect(fast).toEqual(results(scoreTable(table, compiled)));
        }
      }),
      { numRuns: 150 }
    );
  });

  test("a batch gives each row what that row scored alone gives, ranks aside (property)", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const table: CandidateTable = {
          count: rows.length,
          columns: Object.fromEntries(model.fields.map((f) => [f.id, rows.map((r) => r[f.id])])),
        };
        const batch = scoreTable(table, compiled);
        const alone = prepareScoring(compiled, 1);
        rows.forEach((r, i) => {
          const one = alone.run(oneRow(r));
          // Per-row figures; ranks (and grades by rank) depend on the others.
          expect([
            batch.total[i],
            batch.low[i],
            batch.high[i],
            batch.stage[i],
            batch.chains[i],
          ]).toEqual([one.total[0], one.low[0], one.high[0], one.stage[0], one.chains[0]]);
          compiled.criteria.forEach((c, k) =>
            expect([c.def.id, batch.criterionValues[k][i]]).toEqual([
              c.def.id,
              one.criterionValues[k][0],
            ])
          );
        });
      }),
      { numRuns: 60 }
    );
  });
});

describe("the stage field, read once for its column and the stage index", () => {
  const stages = fc.oneof(
    words,
    junk,
    // Every stage of the model, by its label and aliases, and cells that name several or negate one.
    fc.constantFrom<CellValue>(
      ...(pinghu.stages ?? []).flatMap((st) => [st.label.zh, ...(st.aliases ?? [])]),
      "已签约，后停滞",
      "签约前",
      "未洽谈",
      "已签约、已开工"
    )
  );
  // The default model reads its stage field as an input; this one (no rule reads the stage) has the
  // scorer read it for the stage index alone.
  const unread = compileModel(
    loadModel({
      ...pinghu,
      gates: pinghu.gates.filter((g) => !JSON.stringify(g).includes("stage")),
      bonuses: pinghu.bonuses.filter((b) => !JSON.stringify(b).includes("stage")),
      flags: pinghu.flags.filter((f) => !JSON.stringify(f).includes("stage")),
      derived: pinghu.derived.filter((d) => !JSON.stringify(d).includes("stage")),
    })
  );

  test("gives resolveStage's id and stageIndex's index per cell, as input or not (property)", () => {
    expect(compiled.inputs).toContain("stage");
    expect(unread.inputs).not.toContain("stage");
    const seen = new Set<number>();
    fc.assert(
      fc.property(fc.array(stages, { minLength: 1, maxLength: 12 }), (cells) => {
        const table: CandidateTable = { count: cells.length, columns: { stage: cells } };
        const s = scoreTable(table, compiled);
        const t = scoreTable(table, unread);
        cells.forEach((c, i) => {
          seen.add(stageIndex(c, model));
          const k = stageIndex(c, model);
          expect([s.stage[i], t.stage[i], s.columns.stage[i]]).toEqual([
            k,
            k,
            resolveStage(c, model),
          ]);
        });
      }),
      { numRuns: 200 }
    );
    // Every stage index came up, and "none" (−1).
    expect(seen.size).toBe((pinghu.stages ?? []).length + 1);
  });
});

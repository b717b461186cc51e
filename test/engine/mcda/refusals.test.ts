/** Refusals of the decision-analysis layer, each by its exact message (issue 20). */
import {
  ahp,
  ahpGroup,
  principalEigen,
  splitStacked,
  synthesize,
} from "../../../src/engine/mcda/ahp";
import { kendallW, rankCorrelation } from "../../../src/engine/mcda/correlation";
import { pairwiseFromLong, scoresFromLong } from "../../../src/engine/mcda/group";
import { codas } from "../../../src/engine/mcda/methods";
import { matrix, resolveTypes, toMatrix } from "../../../src/engine/mcda/matrix";
import { refusal } from "./refusal";
import { leaderWeightIntervals, perturbWeights } from "../../../src/engine/mcda/stability";
import {
  bwmWeights,
  criticWeights,
  entropyWeights,
  merecWeights,
  spreadWeights,
  swingWeights,
} from "../../../src/engine/mcda/weights";

const M = toMatrix([
  [1, 2],
  [3, 4],
]);

test.each<[string, () => unknown, string, string, string]>([
  [
    "a criterion type other than 1 or -1",
    () => resolveTypes([1, 0 as 1], 2),
    "types",
    "types 第 2 项：应为 1 或 -1，实为 0",
    "types item 2: expected 1 or -1, got 0",
  ],
  [
    "a negative local priority",
    () =>
      synthesize(
        toMatrix([
          [0.5, -1],
          [0.5, 2],
        ]),
        [0.5, 0.5]
      ),
    "local",
    "local 第 1 行第 2 列：局部权重应 ≥ 0，实为 -1",
    "local row 1, column 2: a local priority must be ≥ 0, got -1",
  ],
  [
    "an unknown perturbation mode",
    () => perturbWeights(M, [1, 1], { mode: "normal" as "uniform" }),
    "mode",
    'mode：应为 "uniform" 或 "dirichlet"',
    'mode: must be "uniform" or "dirichlet"',
  ],
  [
    "top k of 0",
    () => perturbWeights(M, [1, 1], { topK: 0 }),
    "topK",
    "topK：应为正整数",
    "topK: must be a positive integer",
  ],
  [
    "0 steps",
    () => leaderWeightIntervals(M, [1, 1], { steps: 0 }),
    "steps",
    "steps：应为正整数",
    "steps: must be a positive integer",
  ],
  [
    "a best-to-others judgment above 9",
    () => bwmWeights([1, 10], [10, 1]),
    "best_to_others",
    "best_to_others 第 2 项：应在 1 到 9 之间，实为 10",
    "best_to_others item 2: must be between 1 and 9, got 10",
  ],
  [
    "CODAS with τ = 0",
    () => codas(M, [1, 1], undefined, { tau: 0 }),
    "tau",
    "tau：应为大于 0 的数，实为 0",
    "tau: must be a number > 0, got 0",
  ],
  // Committee tables (group.ts): each refusal names its 1-based table row.
  [
    "a criterion judged against itself, in the second row",
    () =>
      pairwiseFromLong([
        { expert: "张", a: "投资", b: "税收", value: 3 },
        { expert: "张", a: "税收", b: "税收", value: 1 },
      ]),
    "judgments",
    "judgments 第 2 行：税收 与自身比较",
    "judgments row 2: 税收 is compared with itself",
  ],
  [
    "a judgment of 0",
    () => pairwiseFromLong([{ expert: "张", a: "投资", b: "税收", value: 0 }]),
    "judgments",
    "judgments 第 1 行：判断值应大于 0，实为 0",
    "judgments row 1: a judgment must be > 0, got 0",
  ],
  [
    "the same judgment twice",
    () =>
      pairwiseFromLong([
        { expert: "张", a: "投资", b: "税收", value: 3 },
        { expert: "张", a: "投资", b: "税收", value: 5 },
      ]),
    "judgments",
    "judgments 第 2 行：张 对 投资—税收 的判断重复",
    "judgments row 2: 张 judged 投资 against 税收 twice",
  ],
  [
    "a score that is not a number",
    () =>
      scoresFromLong([
        { expert: "张", alternative: "甲", score: 1 },
        { expert: "张", alternative: "乙", score: NaN },
      ]),
    "scores",
    "scores 第 2 行：应为数字，实为 NaN",
    "scores row 2: expected a number, got NaN",
  ],
  [
    "an infinite score",
    () => scoresFromLong([{ expert: "张", alternative: "甲", score: Infinity }]),
    "scores",
    "scores 第 1 行：应为数字，实为 Infinity",
    "scores row 1: expected a number, got Infinity",
  ],
  [
    "the same alternative scored twice by one expert",
    () =>
      scoresFromLong([
        { expert: "张", alternative: "甲", score: 1 },
        { expert: "张", alternative: "甲", score: 2 },
      ]),
    "scores",
    "scores 第 2 行：张 对 甲 评分重复",
    "scores row 2: 张 scored 甲 twice",
  ],
])("%s", (_, run, argument, zh, en) => {
  expect(refusal(run)).toEqual({ argument, zh, en });
});

test("a matrix of fractional size is a programming error (RangeError)", () => {
  expect(() => matrix(1.5, 2, new Float64Array(3))).toThrow(
    new RangeError("matrix: rows and cols must be integers ≥ 0, got 1.5 × 2")
  );
});

test("stability refuses an aggregator that gives a non-finite score", () => {
  const broken = { order: "desc" as const, prepare: () => () => new Float64Array([NaN, 1]) };
  expect(() => perturbWeights(M, [1, 1], { aggregator: broken })).toThrow(
    new Error("stability: the aggregator gave a non-finite score for alternative 1")
  );
});

test("AHP's eigenvector: a bilingual refusal when the iteration is cut short", () => {
  // A cycle of 10^7 judgments: Noda's iteration needs 12 steps here (1 allowed).
  const a = new Float64Array([
    1,
    9,
    1e7,
    5,
    1 / 9,
    1,
    1e-7,
    3,
    1e-7,
    1e7,
    1,
    1e7,
    1 / 5,
    1 / 3,
    1e-7,
    1,
  ]);
  const r = refusal(() => principalEigen(a, 4, 1));
  expect(r?.argument).toBe("pairwise");
  expect(r?.zh).toMatch(
    /^pairwise：无法求出主特征向量（λmax 仍在 [\d.]+ 与 [\d.]+ 之间）：判断值相差过于悬殊，请检查是否有误，或改用 geometric 方法$/
  );
  expect(r?.en).toMatch(
    /^pairwise: the principal eigenvector cannot be found \(λmax is still between [\d.]+ and [\d.]+\): the judgments differ too widely; check them, or use the geometric method$/
  );
});

describe("refusals found by mutation testing (npm run mutate)", () => {
  // A 2 × 3 matrix and a consistent 2 × 2 pairwise matrix.
  const WIDE = toMatrix([
    [1, 2, 3],
    [0.5, 1, 2],
  ]);
  const PAIR = toMatrix([
    [1, 2],
    [0.5, 1],
  ]);
  const BLANK = toMatrix(
    [
      [1, 2, 4],
      [null, 1, 3],
      [3, 5, 1],
    ],
    { allowBlank: true }
  );

  const SQUARE = toMatrix([
    [1, 2],
    [1 / 2, 1],
  ]);
  test.each<[string, () => unknown, string, string, string]>([
    [
      "an unknown random-index table",
      () => ahp(SQUARE, { randomIndex: "other" as "saaty" }),
      "ri",
      'ri：应为 saaty、alonso，实为 "other"',
      'ri: must be one of saaty, alonso, got "other"',
    ],
    [
      "an unknown AHP method",
      () => ahp(SQUARE, { method: "power" as "eigen" }),
      "method",
      'method：应为 eigen、geometric、colmean，实为 "power"',
      'method: must be one of eigen, geometric, colmean, got "power"',
    ],
    [
      "rankings of different lengths",
      () => rankCorrelation([1, 2], [1, 2, 3]),
      "ranking2",
      "ranking2：有 3 项，ranking1 有 2 项",
      "ranking2: has 3 entries, ranking1 has 2",
    ],
    [
      "a ranking of one entry",
      () => rankCorrelation([1], [1]),
      "ranking1",
      "ranking1：至少需要 2 项",
      "ranking1: needs at least 2 entries",
    ],
    [
      "a ranking entry that is not a number",
      () => rankCorrelation([1, 2, 3], [1, NaN, 3]),
      "ranking2",
      "ranking2 第 2 项：应为数字，实为 NaN",
      "ranking2 item 2: expected a number, got NaN",
    ],
    [
      "a constant first ranking",
      () => rankCorrelation([2, 2, 2], [1, 2, 3], "pearson"),
      "ranking1",
      "ranking1：所有项都相同，相关系数无定义",
      "ranking1: every entry is the same: the correlation is undefined",
    ],
    [
      "a constant second ranking",
      () => rankCorrelation([1, 2, 3], [2, 2, 2], "kendall"),
      "ranking2",
      "ranking2：所有项都相同，相关系数无定义",
      "ranking2: every entry is the same: the correlation is undefined",
    ],
    [
      "Kendall's W of one object",
      () => kendallW(toMatrix([[1, 2, 3]])),
      "scores",
      "scores：至少需要 2 个对象（行）",
      "scores: needs at least 2 objects (rows)",
    ],
    [
      "Kendall's W with a blank score",
      // matrix(), not toMatrix: toMatrix refuses the blank itself.
      () => kendallW(matrix(3, 2, Float64Array.of(1, 2, 3, NaN, 2, 1))),
      "scores",
      "scores 第 2 行第 2 列：空单元格",
      "scores row 2, column 2: blank cell",
    ],
    [
      "Kendall's W when every judge is indifferent",
      () =>
        kendallW(
          toMatrix([
            [1, 1],
            [1, 1],
          ])
        ),
      "scores",
      "scores：每位专家都给出全部相同的评分，W 无定义",
      "scores: every judge gave all objects the same score: W is undefined",
    ],
    [
      "swing points of the wrong count",
      () => swingWeights([100, 50], 3),
      "points",
      "points：有 2 项，但矩阵有 3 个指标（列）",
      "points: has 2 entries but the matrix has 3 criteria (columns)",
    ],
    [
      "a negative swing",
      () => swingWeights([100, -5]),
      "points",
      "points 第 2 项：应在 0 到 100 之间，实为 -5",
      "points item 2: must be between 0 and 100, got -5",
    ],
    [
      "swings without the reference of 100 points",
      () => swingWeights([90, 50]),
      "points",
      "points：最重要的那一项摆幅应为 100 分（作为参照）",
      "points: the most important swing must have 100 points (the reference)",
    ],
    [
      "entropy weights of one alternative",
      () => entropyWeights(toMatrix([[1, 2]])),
      "matrix",
      "matrix：熵权法需要至少 2 个方案（行），实为 1",
      "matrix: entropy weighting needs at least 2 alternatives (rows), got 1",
    ],
    [
      "entropy weights when every criterion is constant",
      () =>
        entropyWeights(
          toMatrix([
            [3, 5],
            [3, 5],
          ])
        ),
      "matrix",
      "matrix：每个指标在各方案间都相同，熵权法无法区分指标",
      "matrix: every criterion is the same for all alternatives: entropy weighting cannot tell criteria apart",
    ],
    [
      "a negative value for entropy weights, after a zero",
      () =>
        entropyWeights(
          toMatrix([
            [0, 1],
            [-2, 2],
          ])
        ),
      "matrix",
      "matrix 第 2 行第 1 列：熵权法要求数值 ≥ 0，实为 -2（有负数时请用 minmax 归一化）",
      "matrix row 2, column 1: entropy weights need values ≥ 0, got -2 (use minmax normalisation for negative values)",
    ],
    [
      "entropy weights with a blank in every column",
      // matrix(), not toMatrix: toMatrix refuses the blank itself.
      () => entropyWeights(matrix(2, 1, Float64Array.of(1, NaN))),
      "matrix",
      "matrix 第 2 行第 1 列：空单元格",
      "matrix row 2, column 1: blank cell",
    ],
    [
      "CRITIC weights of one alternative",
      () => criticWeights(toMatrix([[1, 2]])),
      "matrix",
      "matrix：CRITIC 法需要至少 2 个方案（行），实为 1",
      "matrix: CRITIC needs at least 2 alternatives (rows), got 1",
    ],
    [
      "CRITIC without normalisation, Pearson's r, with a blank",
      () => criticWeights(BLANK, undefined, { normalization: "none" }),
      "matrix",
      "matrix 第 2 行第 1 列：空单元格",
      "matrix row 2, column 1: blank cell",
    ],
    [
      // Was read as a column with no contrast (weight 0) before the check moved to criticWeights.
      "CRITIC without normalisation, Spearman's ρ, with a blank",
      () => criticWeights(BLANK, undefined, { normalization: "none", correlation: "spearman" }),
      "matrix",
      "matrix 第 2 行第 1 列：空单元格",
      "matrix row 2, column 1: blank cell",
    ],
    [
      "MEREC weights with every column constant",
      () =>
        merecWeights(
          toMatrix([
            [1, 1],
            [1, 1],
          ])
        ),
      "matrix",
      "matrix：每个指标在各方案间都相同，MEREC 法无法区分指标",
      "matrix: every criterion is the same for all alternatives: MEREC cannot tell criteria apart",
    ],
    [
      "coefficient-of-variation weights of one alternative",
      () => spreadWeights(toMatrix([[1, 2]]), "cv"),
      "matrix",
      "matrix：变异系数法需要至少 2 个方案（行），实为 1",
      "matrix: coefficient-of-variation weighting needs at least 2 alternatives (rows), got 1",
    ],
    [
      "standard-deviation weights of one alternative",
      () => spreadWeights(toMatrix([[1, 2]]), "std"),
      "matrix",
      "matrix：标准差法需要至少 2 个方案（行），实为 1",
      "matrix: standard-deviation weighting needs at least 2 alternatives (rows), got 1",
    ],
    [
      "coefficient-of-variation weights with a second column of mean 0",
      () =>
        spreadWeights(
          toMatrix([
            [1, -1],
            [2, 1],
          ]),
          "cv"
        ),
      "matrix",
      "matrix：第 2 列平均值为 0，变异系数无定义",
      "matrix: column 2 has mean 0: its coefficient of variation is undefined",
    ],
    [
      "AHP: a matrix that is not square",
      () => ahp(WIDE),
      "pairwise",
      "pairwise：判断矩阵应为方阵，实为 2 行 × 3 列",
      "pairwise: must be square, got 2 × 3",
    ],
    [
      "AHP: a diagonal entry other than 1",
      () =>
        ahp(
          toMatrix([
            [1, 2],
            [0.5, 2],
          ])
        ),
      "pairwise",
      "pairwise 第 2 行第 2 列：对角线应为 1，实为 2",
      "pairwise row 2, column 2: the diagonal must be 1, got 2",
    ],
    [
      "AHP: a negative judgment",
      () =>
        ahp(
          toMatrix([
            [1, -2],
            [0.5, 1],
          ])
        ),
      "pairwise",
      "pairwise 第 1 行第 2 列：判断值应大于 0，实为 -2",
      "pairwise row 1, column 2: a judgment must be > 0, got -2",
    ],
    [
      "AHP: a pair blank on both sides",
      () =>
        ahp(
          toMatrix(
            [
              [1, 2, null],
              [0.5, 1, 3],
              [null, 1 / 3, 1],
            ],
            { allowBlank: true }
          )
        ),
      "pairwise",
      "pairwise 第 1 行第 3 列：第 3 行第 1 列也为空：这一对比较缺失",
      "pairwise row 1, column 3: row 3, column 1 is blank too: this comparison is missing",
    ],
    [
      "AHP: a pair that is not reciprocal",
      () =>
        ahp(
          toMatrix([
            [1, 2, 3],
            [0.5, 1, 3],
            [1 / 3, 0.5, 1],
          ])
        ),
      "pairwise",
      "pairwise 第 2 行第 3 列：与第 3 行第 2 列不互反（3 × 0.5 ≠ 1）",
      "pairwise row 2, column 3: not reciprocal to row 3, column 2 (3 × 0.5 ≠ 1)",
    ],
    [
      "a negative local priority",
      () =>
        synthesize(
          toMatrix([
            [0.5, 0.5],
            [0.5, -0.5],
          ]),
          [1, 1]
        ),
      "local",
      "local 第 2 行第 2 列：局部权重应 ≥ 0，实为 -0.5",
      "local row 2, column 2: a local priority must be ≥ 0, got -0.5",
    ],
    [
      "local priorities of the second parent not summing to 1",
      () =>
        synthesize(
          toMatrix([
            [0.5, 0.5],
            [0.5, 0.4],
          ]),
          [1, 1]
        ),
      "local",
      "local 第 2 项：第 2 列（一个上层节点下的局部权重）之和应为 1，实为 0.9",
      "local item 2: column 2 (the local priorities under one parent) must sum to 1, got 0.9",
    ],
    [
      "parent weights of the wrong count",
      () =>
        synthesize(
          toMatrix([
            [0.5, 0.5],
            [0.5, 0.5],
          ]),
          [1]
        ),
      "weights",
      "weights：有 1 项，但矩阵有 2 个指标（列）",
      "weights: has 1 entries but the matrix has 2 criteria (columns)",
    ],
    [
      "stacked matrices of a row count that is not a multiple",
      () =>
        splitStacked(
          toMatrix([
            [1, 2],
            [0.5, 1],
            [1, 3],
          ])
        ),
      "pairwise",
      "pairwise：应为若干个 2 × 2 判断矩阵上下相接，实为 3 行",
      "pairwise: must be 2 × 2 matrices stacked vertically, got 3 rows",
    ],
    [
      "group AHP of no matrix",
      () => ahpGroup([]),
      "pairwise",
      "pairwise：为空",
      "pairwise: is empty",
    ],
    [
      "group AHP with expert weights of the wrong count",
      () => ahpGroup([PAIR, PAIR], { expertWeights: [1, 1, 1] }),
      "expert_weights",
      "expert_weights：有 3 项，但有 2 位专家（判断矩阵）",
      "expert_weights: has 3 entries but there are 2 experts (matrices)",
    ],
    [
      "group AHP: a second expert's matrix with more rows",
      () =>
        ahpGroup([
          PAIR,
          toMatrix([
            [1, 2],
            [0.5, 1],
            [1, 1],
          ]),
        ]),
      "pairwise",
      "pairwise：第 2 位专家的矩阵为 3 × 2，第 1 位为 2 × 2",
      "pairwise: expert 2's matrix is 3 × 2, expert 1's is 2 × 2",
    ],
    [
      "group AHP: a second expert's matrix with more columns",
      () => ahpGroup([PAIR, WIDE]),
      "pairwise",
      "pairwise：第 2 位专家的矩阵为 2 × 3，第 1 位为 2 × 2",
      "pairwise: expert 2's matrix is 2 × 3, expert 1's is 2 × 2",
    ],
    [
      "group AHP: the second expert's pair not reciprocal, named by expert",
      () =>
        ahpGroup([
          PAIR,
          toMatrix([
            [1, 2],
            [0.6, 1],
          ]),
        ]),
      "pairwise (expert 2)",
      "pairwise (expert 2) 第 1 行第 2 列：与第 2 行第 1 列不互反（2 × 0.6 ≠ 1）",
      "pairwise (expert 2) row 1, column 2: not reciprocal to row 2, column 1 (2 × 0.6 ≠ 1)",
    ],
    [
      "group AHP of one expert: the matrix is named as it is",
      () =>
        ahpGroup([
          toMatrix([
            [1, 2],
            [0.6, 1],
          ]),
        ]),
      "pairwise",
      "pairwise 第 1 行第 2 列：与第 2 行第 1 列不互反（2 × 0.6 ≠ 1）",
      "pairwise row 1, column 2: not reciprocal to row 2, column 1 (2 × 0.6 ≠ 1)",
    ],
    [
      "BWM with one criterion",
      () => bwmWeights([1], [1]),
      "best_to_others",
      "best_to_others：至少需要 2 个指标",
      "best_to_others: needs at least 2 criteria",
    ],
    [
      "a best-to-others judgment below 1",
      () => bwmWeights([1, 0.5], [0.5, 1]),
      "best_to_others",
      "best_to_others 第 2 项：应在 1 到 9 之间，实为 0.5",
      "best_to_others item 2: must be between 1 and 9, got 0.5",
    ],
    [
      "an others-to-worst judgment above 9",
      () => bwmWeights([1, 2], [2, 10]),
      "others_to_worst",
      "others_to_worst 第 2 项：应在 1 到 9 之间，实为 10",
      "others_to_worst item 2: must be between 1 and 9, got 10",
    ],
    [
      "the best criterion not compared to itself as 1",
      () => bwmWeights([2, 1, 5], [5, 3, 1]),
      "best_to_others",
      "best_to_others 第 1 项：最优指标（others_to_worst 最大者）对自身应为 1，实为 2",
      "best_to_others item 1: the best criterion (largest in others_to_worst) must compare to itself as 1, got 2",
    ],
    [
      "the worst criterion not compared to itself as 1",
      () => bwmWeights([1, 3, 5], [5, 2, 2]),
      "others_to_worst",
      "others_to_worst 第 3 项：最劣指标（best_to_others 最大者）对自身应为 1，实为 2",
      "others_to_worst item 3: the worst criterion (largest in best_to_others) must compare to itself as 1, got 2",
    ],
    [
      "best over worst stated differently in the two vectors",
      () => bwmWeights([1, 3, 5], [4, 2, 1]),
      "others_to_worst",
      "others_to_worst：最优对最劣的判断应一致：best_to_others 为 5，others_to_worst 为 4",
      "others_to_worst: best over worst must agree: 5 in best_to_others, 4 in others_to_worst",
    ],
  ])("%s", (_, run, argument, zh, en) => {
    expect(refusal(run)).toEqual({ argument, zh, en });
  });
});

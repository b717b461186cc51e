/** Refusals of the engine outside expressions and MCDA, each by its exact message (issue 20). */
import { parseAmount } from "../../src/engine/amount/parse";
import { InvalidModelError, loadModel } from "../../src/engine/model";
import { createRng, xoshiro128ss } from "../../src/engine/random";
import { rank } from "../../src/engine/rank";

describe("amounts: never a throw, a bilingual error with a code", () => {
  test("a placeholder is missing, not zero", () => {
    expect(parseAmount("待定")).toEqual({
      ok: false,
      input: "待定",
      code: "missing",
      message: {
        zh: "无金额（“待定”视为空缺，不是零）",
        en: 'no amount ("待定" counts as missing, not zero)',
      },
    });
  });

  test("text without a number is unreadable, and the message quotes it", () => {
    expect(parseAmount("abc")).toEqual({
      ok: false,
      input: "abc",
      code: "unreadable",
      message: { zh: "无法读取金额“abc”：没有数字", en: 'cannot read the amount "abc": no number' },
    });
  });
});

test("a model that is not JSON: one error at the document, with the parser's reason", () => {
  let reason = "";
  try {
    JSON.parse("{");
  } catch (e) {
    reason = (e as Error).message;
  }
  let thrown: unknown;
  try {
    loadModel("{");
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(InvalidModelError);
  expect((thrown as InvalidModelError).errors).toEqual([
    {
      code: "model",
      path: "",
      message: { zh: `不是有效的 JSON：${reason}`, en: `not valid JSON: ${reason}` },
    },
  ]);
  // The thrown message names the document where a problem has no path, and the error its class.
  expect((thrown as InvalidModelError).message).toBe(
    `Invalid scoring model: (document): not valid JSON: ${reason}`
  );
  expect((thrown as InvalidModelError).name).toBe("InvalidModelError");
});

describe("programming errors are RangeErrors naming the bad value", () => {
  const rng = createRng(1);
  test.each<[string, () => unknown, string]>([
    ["a NaN seed", () => createRng(NaN), "random: seed must be a finite number, got NaN"],
    [
      "an all-zero xoshiro state",
      () => xoshiro128ss([0, 0, 0, 0]),
      "random: the xoshiro128** state must not be all zero",
    ],
    [
      "a gamma shape of 0",
      () => rng.gamma(0),
      "random: gamma shape must be a finite number > 0, got 0",
    ],
    [
      "a negative Dirichlet alpha",
      () => rng.dirichlet([1, -1]),
      "random: Dirichlet alpha[1] must be a finite number ≥ 0, got -1",
    ],
    [
      "all Dirichlet alphas zero",
      () => rng.dirichlet([0, 0]),
      "random: Dirichlet needs at least one alpha > 0",
    ],
    [
      "a negative tie tolerance",
      () => rank([1, 2], { tolerance: -1 }),
      "rank: tolerance must be a finite number ≥ 0, got -1",
    ],
  ])("%s", (_, run, message) => {
    expect(run).toThrow(new RangeError(message));
  });
});

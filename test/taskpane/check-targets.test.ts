/** The pane's target check refuses a year or a figure no one could mean, by its exact message (issue 20). */
import { checkTargets } from "../../src/taskpane/store";
import { model } from "../models/sample-helpers";

const targets = () => structuredClone(model.targets!);

test("the default targets pass", () => {
  expect(checkTargets(targets())).toEqual({ ok: true });
});

test("a year outside 2000–2100", () => {
  const t = targets();
  t.year = 1999;
  expect(checkTargets(t)).toEqual({
    ok: false,
    message: {
      zh: "目标年份应为 2000–2100 之间的整数，实为“1999”",
      en: 'The target year must be a whole number from 2000 to 2100, got "1999"',
    },
  });
});

test("a negative target names the target", () => {
  const t = targets();
  t.items[0].value = -3;
  const { zh, en } = t.items[0].label;
  expect(checkTargets(t)).toEqual({
    ok: false,
    message: {
      zh: `目标“${zh}”应为不小于 0 的数，实为“-3”`,
      en: `Target "${en}" must be a number ≥ 0, got "-3"`,
    },
  });
});

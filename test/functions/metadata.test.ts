/**
 * The hand-kept zh-CN metadata (src/functions/functions.zh-cn.json, copied to dist and named by the
 * manifest's zh-CN override) stays in step with the metadata generated from the JSDoc: same functions,
 * same parameters, and every text is Chinese.
 */
import * as fs from "fs";
import * as path from "path";
import { FunctionMetadata, ROOT, loadBundle } from "./loadBundle";

const generated = loadBundle().metadata;
const zh = JSON.parse(
  fs.readFileSync(path.join(ROOT, "src/functions/functions.zh-cn.json"), "utf8")
) as {
  functions: FunctionMetadata[];
};
const CHINESE = /[\u4e00-\u9fff]/;

/** What Excel binds by: everything but the texts. */
function shape(f: FunctionMetadata) {
  return {
    id: f.id,
    name: f.name,
    parameters: f.parameters.map(({ description: _, ...p }) => p),
    result: f.result,
  };
}

describe("functions.zh-cn.json", () => {
  test("has the generated functions, in order, with the same parameters and results", () => {
    expect(zh.functions.map(shape)).toEqual(generated.functions.map(shape));
  });

  test("keeps the generated top-level options", () => {
    const { functions: _g, ...options } = generated as unknown as Record<string, unknown>;
    const { functions: _z, ...zhOptions } = zh as unknown as Record<string, unknown>;
    expect(zhOptions).toEqual(options);
  });

  test("every function and parameter has a Chinese description", () => {
    for (const f of zh.functions) {
      expect(`${f.id}: ${f.description}`).toMatch(CHINESE);
      for (const p of f.parameters) expect(`${f.id}(${p.name}): ${p.description}`).toMatch(CHINESE);
    }
  });

  test("is what the build copies to dist", () => {
    expect(fs.readFileSync(path.join(ROOT, "dist/functions.zh-cn.json"), "utf8")).toBe(
      fs.readFileSync(path.join(ROOT, "src/functions/functions.zh-cn.json"), "utf8")
    );
  });
});

/**
 * Honest requirements: every Office.js member src/ uses is looked up in its typings' JSDoc ("[Api set:
 * ExcelApi 1.9]", @types/office-js and @types/custom-functions-runtime), and none may need more than
 * manifest.xml declares unless the use is guarded by an isSetSupported check for that set (a condition
 * naming the value that holds the check, or a function only called under one).
 */
import fs from "fs";
import path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const TYPINGS = /node_modules\/@types\/(office-js|office-runtime|custom-functions-runtime)\//;

interface Use {
  member: string;
  set: string;
  version: string;
  where: string;
  node: ts.Node;
}

function declaredSets(): Map<string, string> {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const sets = new Map<string, string>();
  for (const m of xml.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\s*\/>/g))
    sets.set(m[1], m[2]);
  return sets;
}

const newer = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  return x[0] !== y[0] ? x[0] > y[0] : (x[1] ?? 0) > (y[1] ?? 0);
};

function program(): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    }
  )!;
  const files = parsed.fileNames.filter((f) => f.startsWith(path.join(ROOT, "src") + path.sep));
  return ts.createProgram(files, parsed.options);
}

/** Every reference in src/ to a member declared in the Office typings, with the set its JSDoc names. */
function officeUses(p: ts.Program): Use[] {
  const checker = p.getTypeChecker();
  const uses: Use[] = [];
  for (const file of p.getSourceFiles()) {
    if (!file.fileName.startsWith(path.join(ROOT, "src"))) continue;
    const visit = (node: ts.Node): void => {
      // `a.b` and `const { b } = a` (how the functions take ErrorCode's members).
      const symbol = ts.isPropertyAccessExpression(node)
        ? checker.getSymbolAtLocation(node.name)
        : ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)
          ? checker
              .getTypeAtLocation(node.parent)
              .getProperty((node.propertyName ?? node.name).getText(file))
          : undefined;
      const decl = symbol?.declarations?.[0];
      if (symbol && decl && TYPINGS.test(decl.getSourceFile().fileName.replace(/\\/g, "/"))) {
        const doc = ts
          .getJSDocTags(decl)
          .map((t) => ts.getTextOfJSDocComment(t.comment) ?? "")
          .join(" ");
        const m = /\[Api set: (\w+) ([\d.]+)/.exec(doc);
        if (m) {
          const { line } = file.getLineAndCharacterOfPosition(node.getStart());
          const owner = checker.getFullyQualifiedName(symbol);
          uses.push({
            member: owner,
            set: m[1],
            version: m[2],
            where: `${path.relative(ROOT, file.fileName)}:${line + 1}`,
            node,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

/** Names that hold an isSetSupported answer: `x = supported("ExcelApi", "1.16")`, by set and version. */
function guardNames(file: ts.SourceFile): Map<string, string> {
  const guards = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isCallExpression(node.right) &&
      node.right.arguments.length === 2 &&
      node.right.arguments.every(ts.isStringLiteral)
    ) {
      const [set, version] = node.right.arguments.map((a) => (a as ts.StringLiteral).text);
      const target = node.left.getText(file).replace(/^this\./, "");
      guards.set(target, `${set} ${version}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return guards;
}

/** Whether `node` only runs when a guard for at least `set version` holds. */
function guarded(node: ts.Node, need: string, seen = new Set<ts.Node>()): boolean {
  const file = node.getSourceFile();
  const guards = guardNames(file);
  const [needSet, needVersion] = need.split(" ");
  const covers = (text: string) =>
    [...guards].some(([name, has]) => {
      const [set, version] = has.split(" ");
      return (
        set === needSet && !newer(needVersion, version) && new RegExp(`\\b${name}\\b`).test(text)
      );
    });
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isIfStatement(p) && p.thenStatement === n && covers(p.expression.getText(file)))
      return true;
    // guard ? use : fallback
    if (ts.isConditionalExpression(p) && p.whenTrue === n && covers(p.condition.getText(file)))
      return true;
    if (
      ts.isBinaryExpression(p) &&
      p.right === n &&
      p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      covers(p.left.getText(file))
    )
      return true;
    if (ts.isFunctionDeclaration(p) && p.name && !seen.has(p)) {
      // A helper is guarded when every call of it in its file is.
      seen.add(p);
      const calls: ts.Node[] = [];
      const find = (c: ts.Node): void => {
        if (ts.isCallExpression(c) && c.expression.getText(file) === p.name!.text) calls.push(c);
        ts.forEachChild(c, find);
      };
      find(file);
      return calls.length > 0 && calls.every((c) => guarded(c, need, seen));
    }
  }
  return false;
}

describe("requirement sets", () => {
  const p = program();
  const uses = officeUses(p);
  const declared = declaredSets();

  test("the sources' Office.js members are found and each carries its set", () => {
    const members = new Set(uses.map((u) => u.member));
    // Known members across the three hosts' code, so a broken lookup cannot pass as "nothing used".
    for (const m of [
      "Excel.Range.getTables",
      "Excel.Range.valuesAsJson",
      "CustomFunctions.Error",
      "Excel.Workbook.getSelectedRange",
    ])
      expect(members).toContain(m);
  });

  test("no member needs more than the manifest declares unless guarded", () => {
    const over = uses
      .filter((u) => {
        const has = declared.get(u.set);
        return has === undefined || newer(u.version, has);
      })
      .filter((u) => !guarded(u.node, `${u.set} ${u.version}`))
      .map(
        (u) =>
          `${u.where} ${u.member} needs ${u.set} ${u.version}, manifest declares ${declared.get(u.set) ?? "none"}`
      );
    expect(over).toEqual([]);
  });

  test("the guard check notices an unguarded use of a newer set", () => {
    const cards = uses.find((u) => u.member === "Excel.Range.valuesAsJson")!;
    expect(newer(cards.version, declared.get("ExcelApi")!)).toBe(true);
    expect(guarded(cards.node, `${cards.set} ${cards.version}`)).toBe(true);
    // A guard for an older version does not cover it.
    expect(guarded(cards.node, `${cards.set} 1.17`)).toBe(false);
    // Merged areas (ExcelApi 1.13) are read under a ternary on the host's guard.
    const merges = uses.filter((u) => u.member === "Excel.Range.getMergedAreasOrNullObject");
    expect(merges.length).toBeGreaterThan(0);
    for (const u of merges) {
      expect(guarded(u.node, "ExcelApi 1.13")).toBe(true);
      expect(guarded(u.node, "ExcelApi 1.14")).toBe(false);
    }
  });
});

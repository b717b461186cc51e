/**
 * Every user-facing error message in src/ is asserted by at least one test (issue 20), so a new
 * error without a test fails here by file, line and text.
 *
 * An error message is any text literal inside `throw …`, inside `new …Error(…)` / `new Refusal(…)`,
 * inside a call of an error helper (`fail`, `refuse`, `err`, `errorOf`, `missingError`), or a
 * `message: { zh, en }` object. It is covered when one of its literal pieces (the text between
 * interpolations, at least MIN_PIECE characters) appears in a test file as written — so the test
 * checks that text, not a looser pattern another failure would also match.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..");
const MIN_PIECE = 6;
const ERROR_HELPERS = new Set(["fail", "refuse", "err", "errorOf", "missingError"]);

/** Messages no input can produce, each with why (guards against a broken build or dependency). */
const UNREACHABLE: Readonly<Record<string, string>> = {
  "src/cli/main.ts: bundled model invalid:":
    "the bundled model is validated by test/models/pinghu-2023.test.ts; this guards a broken build",
  "src/engine/expression.ts: unsupported comparison":
    "every relational operator mathjs parses (<, >, <=, >=, ==, !=) has an implementation; guards a mathjs upgrade",
  "src/engine/expression.ts: unsupported syntax (":
    "every mathjs node type is compiled or refused by name (REFUSED_NODES); guards a mathjs upgrade",
};

function files(dir: string, keep: (f: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full, keep);
    return keep(full) ? [full] : [];
  });
}

interface Message {
  file: string;
  line: number;
  pieces: string[];
}

const keyOf = (m: Message) =>
  `${m.file}: ${m.pieces.reduce((a, b) => ([...b].length > [...a].length ? b : a))}`;

/** The literal pieces of every string and template literal under a node. */
function pieces(node: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n)) {
      out.push(n.head.text);
      for (const s of n.templateSpans) {
        visit(s.expression);
        out.push(s.literal.text);
      }
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out.map((p) => p.trim()).filter((p) => [...p].length >= MIN_PIECE);
}

function calleeName(e: ts.Expression): string {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return "";
}

/** The error messages written in one source file. */
function messagesOf(file: string): Message[] {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const rel = path.relative(ROOT, file).split(path.sep).join("/");
  const out: Message[] = [];
  const seen = new Set<ts.Node>();
  const take = (n: ts.Node) => {
    if (seen.has(n)) return;
    seen.add(n);
    const p = pieces(n);
    if (p.length > 0) {
      const line = source.getLineAndCharacterOfPosition(n.getStart()).line + 1;
      out.push({ file: rel, line, pieces: p });
    }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isThrowStatement(n)) {
      take(n.expression);
      return;
    }
    if (ts.isNewExpression(n) && /Error$|^Refusal$/.test(calleeName(n.expression))) {
      take(n);
      return;
    }
    if (ts.isCallExpression(n) && ERROR_HELPERS.has(calleeName(n.expression))) {
      take(n);
      return;
    }
    if (
      ts.isPropertyAssignment(n) &&
      ts.isIdentifier(n.name) &&
      n.name.text === "message" &&
      ts.isObjectLiteralExpression(n.initializer)
    ) {
      take(n.initializer);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

const sources = files(path.join(ROOT, "src"), (f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
const messages = sources.flatMap(messagesOf);
const tests = files(path.join(ROOT, "test"), (f) => /\.(ts|js)$/.test(f) && !f.endsWith(__filename))
  .map((f) => fs.readFileSync(f, "utf8"))
  .join("\n");

test("the scan finds the error messages (sanity: known ones are in the list)", () => {
  const all = messages.flatMap((m) => m.pieces);
  expect(all).toContain("--out and --in-place cannot be used together");
  expect(all).toContain("the principal eigenvector cannot be found (λmax is still between");
  expect(messages.length).toBeGreaterThan(100);
});

test("every error message in src/ is asserted by a test", () => {
  const known = new Set(Object.keys(UNREACHABLE));
  const untested = messages
    .filter((m) => !m.pieces.some((p) => tests.includes(p)))
    .filter((m) => !known.has(keyOf(m)))
    .map((m) => `${keyOf(m)} (line ${m.line})`);
  expect(untested).toEqual([]);
});

test("each unreachable message is still without a test (one a test produces is reachable)", () => {
  const untested = new Set(
    messages.filter((m) => !m.pieces.some((p) => tests.includes(p))).map(keyOf)
  );
  expect(Object.keys(UNREACHABLE).filter((k) => !untested.has(k))).toEqual([]);
});

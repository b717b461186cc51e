/**
 * Loads the BUILT dist/functions.js the way Excel's JavaScript-only runtime does: evaluated alone in a bare
 * context (no DOM, no window, no Node globals, not even console) where only CustomFunctions (associate,
 * Error, ErrorCode) and Office (onReady) exist. Builds the bundle first when it is missing or older than
 * its sources, once per test run (a lock keeps parallel test files from building together).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
const BUNDLE = path.join(DIST, "functions.js");
const METADATA = path.join(DIST, "functions.json");
const LOCK = path.join(DIST, ".functions-build.lock");
/** Everything the functions bundle is built from. */
const SOURCES = [
  "src/functions",
  "src/engine",
  "src/workbook",
  "src/models",
  "webpack.config.js",
  "tsconfig.build.json",
];

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** What the stub CustomFunctions.Error records: the Excel error shown and its message. */
export class StubError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: {
    name: string;
    description?: string;
    type: string;
    dimensionality?: string;
    optional?: boolean;
  }[];
  result: { type?: string; dimensionality?: string };
}

export interface Bundle {
  metadata: { functions: FunctionMetadata[] };
  /** Functions registered through CustomFunctions.associate, by id. */
  functions: Map<string, (...args: unknown[]) => unknown>;
  /** Calls a registered function as Excel would; a thrown CustomFunctions.Error comes back as a value. */
  call(id: string, ...args: unknown[]): unknown;
}

function newestSource(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((f) => newestSource(path.join(file, f))));
}

function isFresh(): boolean {
  if (!fs.existsSync(BUNDLE) || !fs.existsSync(METADATA)) return false;
  const built = Math.min(fs.statSync(BUNDLE).mtimeMs, fs.statSync(METADATA).mtimeMs);
  return SOURCES.every((s) => newestSource(path.join(ROOT, s)) <= built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function build(): void {
  const webpack = path.join(ROOT, "node_modules", ".bin", "webpack");
  try {
    execFileSync(webpack, ["--mode", "production", "--config-name", "functions"], {
      cwd: ROOT,
      stdio: "pipe",
      timeout: 180_000,
    });
    // webpack leaves an output whose content did not change unwritten (compareBeforeEmit), so its
    // old time would make the next run build again: mark both as built now.
    const now = new Date();
    for (const file of [BUNDLE, METADATA]) fs.utimesSync(file, now, now);
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    const output = `${err.stdout?.toString() ?? ""}\n${err.stderr?.toString() ?? ""}`.trim();
    throw new Error(
      "Building the functions bundle failed (npx webpack --mode production --config-name functions):\n" +
        (output.slice(-4000) || err.message)
    );
  }
}

/** Builds dist/functions.js unless it is newer than every source. */
export function ensureBuilt(): void {
  if (isFresh()) return;
  fs.mkdirSync(DIST, { recursive: true });
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building; a lock older than the build timeout is left over from a killed run.
      if (fs.existsSync(LOCK) && Date.now() - fs.statSync(LOCK).mtimeMs > 200_000)
        fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for another build of the functions bundle (${LOCK})`);
      sleep(500);
    }
  }
  try {
    if (!isFresh()) build();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Where the bundle is evaluated. */
export interface LoadOptions {
  /**
   * "bare" (default): a new context holding only the stubs, as the JS-only runtime gives it. "main": this
   * realm, with the stubs set on globalThis — how the bench times it, since a vm context makes every
   * global lookup slower than Excel's engine does.
   */
  realm?: "bare" | "main";
  /** Built-ins removed from the bare context first, as "Object.fromEntries" or "Array.prototype.flat". */
  without?: readonly string[];
}

/** Built-ins that came after ES2017 (ES2018–ES2023), which the functions bundle must not need. */
export const AFTER_ES2017 = [
  "Object.fromEntries",
  "Object.hasOwn",
  "Array.prototype.flat",
  "Array.prototype.flatMap",
  "Array.prototype.at",
  "Array.prototype.findLast",
  "Array.prototype.findLastIndex",
  "Array.prototype.toSorted",
  "String.prototype.trimStart",
  "String.prototype.trimEnd",
  "String.prototype.matchAll",
  "String.prototype.replaceAll",
  "String.prototype.at",
  "Promise.prototype.finally",
  "Promise.allSettled",
  "Promise.any",
  "Symbol.prototype.description",
  "globalThis",
  "BigInt",
  "WeakRef",
  "FinalizationRegistry",
  "AggregateError",
] as const;

/** Deletes `Object.fromEntries`-style paths from a context's built-ins (run inside that context). */
const REMOVE_BUILT_INS = `(function (paths) {
  var root = this;
  paths.forEach(function (p) {
    var parts = p.split(".");
    var owner = parts.length === 1 ? root : parts.slice(0, -1).reduce(function (o, k) { return o && o[k]; }, root);
    var key = parts[parts.length - 1];
    if (owner) Object.defineProperty(owner, key, { value: undefined, configurable: true });
    if (owner) delete owner[key];
  });
})`;

/** A new context holding `globals`, with the `without` built-ins deleted. */
export function bareContext(globals: object, without: readonly string[] = []): vm.Context {
  const context = vm.createContext({ ...globals });
  if (without.length) {
    const remove = vm.runInContext(REMOVE_BUILT_INS, context) as (paths: string[]) => void;
    remove.call(vm.runInContext("this", context), [...without]);
  }
  return context;
}

let loaded: Bundle | null = null;

/** The built bundle, evaluated once per test file in a bare context. */
export function loadBundle(): Bundle {
  if (!loaded) loaded = loadBundleIn();
  return loaded;
}

/** The built bundle evaluated anew where `options` says. */
export function loadBundleIn(options: LoadOptions = {}): Bundle {
  ensureBuilt();
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  const stubs = {
    CustomFunctions: {
      associate(id: string, fn: (...args: unknown[]) => unknown) {
        if (typeof fn !== "function")
          throw new Error(`associate("${id}") was given ${typeof fn}, not a function`);
        functions.set(id, fn);
      },
      Error: StubError,
      ErrorCode: ERROR_CODES,
    },
    Office: { onReady: () => Promise.resolve({ host: null, platform: null }) },
  };
  const code = fs.readFileSync(BUNDLE, "utf8");
  if (options.realm === "main") {
    Object.assign(globalThis, stubs);
    vm.runInThisContext(code, { filename: BUNDLE });
  } else {
    vm.runInContext(code, bareContext(stubs, options.without), { filename: BUNDLE });
  }
  const metadata = JSON.parse(fs.readFileSync(METADATA, "utf8")) as Bundle["metadata"];
  return {
    metadata,
    functions,
    call(id, ...args) {
      const fn = functions.get(id);
      if (!fn) throw new Error(`${id} is not registered by dist/functions.js`);
      try {
        return fn(...args);
      } catch (e) {
        if (e instanceof StubError) return e;
        throw e;
      }
    },
  };
}

/** Asserts a call gave an Excel error of this code whose message contains `text`. */
export function expectError(result: unknown, code: string, ...texts: string[]): void {
  if (!(result instanceof StubError))
    throw new Error(`expected ${code}, got ${JSON.stringify(result)}`);
  if (result.code !== code)
    throw new Error(`expected ${code}, got ${result.code}: ${result.message}`);
  for (const t of texts) {
    if (!(result.message ?? "").includes(t))
      throw new Error(`expected the ${code} message to mention "${t}": ${result.message}`);
  }
}

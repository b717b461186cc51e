/**
 * Writing an output file safely: into a temporary file in the target's own folder, then renamed
 * over the target. --in-place writes through a symlink to its target and keeps the file's mode and
 * ownership. Temporary files are removed on failure or on SIGINT/SIGTERM; ones left by a killed
 * run (its process gone) are cleaned up by the next run in that folder.
 */
import * as fs from "fs";
import * as path from "path";
import process from "process";
import { L, UsageError } from "./errors";

const live = new Set<string>();

/** Removes this process's temporary files (for signal handlers). */
export function removeTemporaries(): void {
  for (const f of live) fs.rmSync(f, { force: true });
  live.clear();
}

const TMP = /^\.(.+)\.zs-(\d+)\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === "EPERM";
  }
}

/** Removes temporary files of ours in `dir` whose process no longer runs. */
export function cleanStale(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = TMP.exec(n);
    if (m && Number(m[2]) !== process.pid && !alive(Number(m[2])))
      fs.rmSync(path.join(dir, n), { force: true });
  }
}

/**
 * Calls `write(tmp)` to write a new file, then moves it to `target` (resolved through symlinks).
 * With `keepFrom`, the new file takes that file's mode and, where permitted, its owner.
 */
export async function writeFileSafely(
  target: string,
  write: (tmp: string) => Promise<void>,
  keepFrom?: string
): Promise<void> {
  let real = target;
  try {
    real = fs.realpathSync(target);
  } catch {
    // A new file: its folder must exist.
  }
  const dir = path.dirname(real);
  cleanStale(dir);
  const tmp = path.join(dir, `.${path.basename(real)}.zs-${process.pid}.tmp`);
  live.add(tmp);
  try {
    fs.rmSync(tmp, { force: true });
    await write(tmp);
    if (keepFrom) {
      const st = fs.statSync(keepFrom);
      fs.chmodSync(tmp, st.mode & 0o7777);
      try {
        fs.chownSync(tmp, st.uid, st.gid);
      } catch {
        // Only root or the owner may change ownership; the mode is kept either way.
      }
    }
    fs.renameSync(tmp, real);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      L(
        `无法写入 ${target}：${(e as Error).message}`,
        `cannot write ${target}: ${(e as Error).message}`
      )
    );
  } finally {
    live.delete(tmp);
  }
}

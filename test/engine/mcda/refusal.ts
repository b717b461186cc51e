import { McdaError } from "../../../src/engine/mcda/matrix";

/** The McdaError's argument and bilingual label, or null when `run` does not throw. */
export function refusal(run: () => unknown): { argument: string; zh: string; en: string } | null {
  try {
    run();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(McdaError);
    const { argument, label } = e as McdaError;
    return { argument, ...label };
  }
}

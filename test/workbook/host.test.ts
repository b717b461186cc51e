/** The pane's stored settings (src/workbook/host.ts): read back only when they are ours and of version 1. */
import { parseSettings, SETTINGS_KEY } from "../../src/workbook/host";

test("version 1 settings are read back as stored", () => {
  const s = { version: 1, model: "sheet", target: "columns", lang: "en", cards: true };
  expect(parseSettings(JSON.stringify(s))).toEqual(s);
  expect(SETTINGS_KEY).toBe("zs-scorer");
});

test.each<[string, unknown]>([
  ["nothing stored", undefined],
  ["an empty string", ""],
  ["a number, not text", 1],
  ["text that is not JSON", "{version: 1"],
  ["JSON null", "null"],
  ["another version", JSON.stringify({ version: 2, model: "sheet" })],
  ["no version", JSON.stringify({ model: "sheet" })],
])("%s: no settings", (_, stored) => {
  expect(parseSettings(stored)).toBeNull();
});

import { Label } from "../../src/engine/types";
test("types compile", () => { const l: Label = { zh: "得分", en: "Score" }; expect(l.zh).toBe("得分"); });

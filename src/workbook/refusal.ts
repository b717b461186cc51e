import type { Label } from "../engine/types";

/** A refusal with its reason: the input cannot be scored as it is (hosts show the message). */
export class Refusal extends Error {
  constructor(readonly label: Label) {
    super(label.en);
  }
}

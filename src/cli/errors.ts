/** The command's one kind of expected failure: bad arguments or input, exit status 2 with one message. */
import type { Label } from "../engine/types";
import { Refusal } from "../workbook/pipeline";

export class UsageError extends Refusal {}

export const L = (zh: string, en: string): Label => ({ zh, en });

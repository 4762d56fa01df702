// What a move means while the views show a day after today: the user is asked whether it takes effect on that day
// (dated changes, one undo step) or now, in today's design. Any other edit applies to today's design as always.
import type { Op } from "../bindings";
import type { AppController } from "../app/controller";
import { datedMove, isFuture, type Day } from "./asOfDate";
import { asOfStore } from "./asOfStore";

export type MoveAnswer = "dated" | "now" | "cancel";

/** Asks the person; the dialog host (DatedMoveHost) answers. */
export type AskMove = (day: Day, what: string) => Promise<MoveAnswer>;

let asker: AskMove | null = null;

/** The dialog host registers itself while mounted. */
export function setMoveAsker(ask: AskMove | null): void {
  asker = ask;
}

/**
 * Applies a move made on the chart or the team map. Showing a day after today, a move a date can carry asks first;
 * cancelling changes nothing. Answers whether an edit was applied. `what` names the move in the question ("Moving
 * Ada Lovelace"); `day` and `ask` default to the window's as-of date and dialog.
 */
export async function applyMove(
  ctl: Pick<AppController, "apply">,
  op: Op,
  opts: { what?: string; day?: Day | null; ask?: AskMove | null } = {},
): Promise<boolean> {
  const day = opts.day !== undefined ? opts.day : asOfStore(ctl as AppController).snapshot().day;
  const ask = opts.ask !== undefined ? opts.ask : asker;
  if (!isFuture(day) || !ask) return ctl.apply(op);
  const dated = datedMove(op, day);
  if (!dated) return ctl.apply(op);
  const answer = await ask(day, opts.what ?? (op.op === "batch" ? op.label : "This move"));
  if (answer === "cancel") return false;
  return ctl.apply(answer === "dated" ? dated : op);
}

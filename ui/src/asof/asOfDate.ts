// The as-of date's rules apart from React: reading what a person typed, stepping by quarters, and turning a move
// into the dated changes that make it take effect on that day.
import type { DatedOp, Op } from "../bindings";

/** A day as the model writes it, YYYY-MM-DD. */
export type Day = string;

/** Today in the local time zone, as the back end's "today" is. */
export function today(now: Date = new Date()): Day {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * What was typed in the as-of field: empty means today (the design as entered); otherwise a real calendar day or
 * the reason it is not one.
 */
export function readDay(text: string): { day: Day | null } | { error: string } {
  const t = text.trim();
  if (t === "" || t.toLowerCase() === "today") return { day: null };
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (!m) return { error: `"${t}" is not a date: write it as YYYY-MM-DD` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return { error: `"${t}" has no month ${mo}` };
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > last) return { error: `"${t}": ${y}-${String(mo).padStart(2, "0")} has ${last} days` };
  return { day: `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

/**
 * The first day of the quarter `n` quarters from the one holding `from` (n = 1: the next quarter's first day; n = -1
 * from a quarter's first day: the previous quarter's; from inside a quarter: that quarter's first day).
 */
export function stepQuarter(from: Day, n: number): Day {
  const [y, m, d] = from.split("-").map(Number) as [number, number, number];
  const q = Math.floor((m - 1) / 3);
  const onStart = d === 1 && (m - 1) % 3 === 0;
  const target = y * 4 + q + (n < 0 && !onStart ? n + 1 : n);
  const year = Math.floor(target / 4), quarter = target - year * 4;
  return `${String(year).padStart(4, "0")}-${String(quarter * 3 + 1).padStart(2, "0")}-01`;
}

/** Midnight of `day` in the local time zone. */
export function localDate(day: Day): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** Whether edits made while showing `day` would happen later than today: moves then ask when they take effect. */
export function isFuture(day: Day | null, now: Day = today()): day is Day {
  return day !== null && day > now;
}

/** "2027-03-01" → "1 Mar 2027", for the dialog's sentence. */
export function dayLabel(day: Day): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** The plannable part of a move: the ops a dated change can carry (changes of manager, team or group). */
function datedOf(op: Op): DatedOp | null {
  switch (op.op) {
    case "set-manager":
    case "clear-manager":
    case "move-subtree":
    case "set-membership":
    case "remove-membership":
    case "move-unit":
      return op as DatedOp;
    default:
      return null;
  }
}

/** View-only parts of a move (where a team box sits) that go with it now, dated or not. */
const VIEW_ONLY: ReadonlySet<Op["op"]> = new Set(["set-placement", "clear-placements"]);

/**
 * The move as changes taking effect on `day` (one batch, one undo step), or null when it is not a move a date can
 * carry (a dotted line, an edit of a person): that applies at once, as any edit does.
 */
export function datedMove(op: Op, day: Day): Op | null {
  const inner = op.op === "batch" ? op.ops : [op];
  const ops: Op[] = [];
  let moves = 0;
  for (const o of inner) {
    const dated = datedOf(o);
    if (dated) {
      ops.push({ op: "add-dated-change", change: { id: 0, date: day, change: dated } });
      moves++;
    } else if (VIEW_ONLY.has(o.op)) ops.push(o);
    else return null;
  }
  if (moves === 0) return null;
  const label = op.op === "batch" ? op.label : "Move";
  return { op: "batch", label: `${label} on ${day}`, ops };
}

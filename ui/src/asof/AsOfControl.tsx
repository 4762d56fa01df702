// The as-of date control in the status bar: the day every view shows the org on, typed (YYYY-MM-DD), stepped by
// quarters or reset to today; keyboard operable from anywhere through its own actions (asOfActions.ts).
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { AppController } from "../app/controller";
import { attachKeyboard } from "../keyboard/attach";
import { currentPlatform } from "../keyboard/shortcuts";
import { createAsOfRegistry, type AsOfActionContext } from "./asOfActions";
import { readDay, stepQuarter, today, type Day } from "./asOfDate";
import { asOfStore } from "./asOfStore";
import "./asof.css";

export function AsOfControl({ ctl, hasDocument }: { ctl: AppController; hasDocument: boolean }) {
  const store = asOfStore(ctl);
  const { day } = useSyncExternalStore(store.subscribe, store.snapshot);
  const [text, setText] = useState(day ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setText(day ?? "");
    setProblem(null);
  }, [day]);

  const choose = (next: Day | null) => {
    setProblem(null);
    void store.set(next);
  };
  const commit = () => {
    const r = readDay(text);
    if ("error" in r) {
      setProblem(r.error);
      ctl.fail({ code: "invalid_value", message: `as-of date: ${r.error}` });
      return;
    }
    if (r.day !== day) choose(r.day);
  };
  const step = (n: number) => choose(stepQuarter(day ?? today(), n));

  const platform = useMemo(currentPlatform, []);
  const registry = useMemo(createAsOfRegistry, []);
  const ctx = (): AsOfActionContext => ({
    hasDocument, dated: day !== null,
    focusField: () => { field.current?.focus(); field.current?.select(); },
    step, reset: () => choose(null),
  });
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  useEffect(() => attachKeyboard(window, registry, () => ctxRef.current(), { platform }), [registry, platform]);
  const tip = (id: string) => registry.tooltip(id, ctx(), platform);

  if (!hasDocument) return null;
  return (
    <span className={day === null ? "asof" : "asof asof-dated"} role="group" aria-label="As-of date">
      <label htmlFor="asof-day">As of</label>
      <button type="button" aria-label="Previous quarter" title={tip("as-of-previous-quarter")} onClick={() => step(-1)}>‹</button>
      <input
        ref={field} id="asof-day" className="asof-day" type="text" inputMode="numeric" spellCheck={false}
        placeholder="today" value={text} size={10} aria-invalid={problem !== null}
        title={problem ?? `${tip("as-of-choose")}: YYYY-MM-DD, empty for today. The views show the org on this day.`}
        onChange={(e) => { setText(e.target.value); setProblem(null); }}
        onBlur={() => { if ("day" in readDay(text)) commit(); }}
        onKeyDown={(e) => {
          if (e.key === "Enter") { e.preventDefault(); commit(); }
          else if (e.key === "Escape") { e.preventDefault(); setText(day ?? ""); setProblem(null); }
        }}
      />
      <button type="button" aria-label="Next quarter" title={tip("as-of-next-quarter")} onClick={() => step(1)}>›</button>
      <button type="button" className="asof-today" disabled={day === null} title={tip("as-of-today")} onClick={() => choose(null)}>Today</button>
    </span>
  );
}

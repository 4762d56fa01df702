// The question a move asks while the views show a later day: "takes effect on <day>?" (the default), "now", or
// cancel. Mounted once in the shell; applyMove (datedMove.ts) opens it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { dayLabel, type Day } from "./asOfDate";
import { setMoveAsker, type MoveAnswer } from "./datedMove";

interface Asking {
  day: Day;
  what: string;
  answer: (a: MoveAnswer) => void;
}

export function DatedMoveHost() {
  const [asking, setAsking] = useState<Asking | null>(null);
  useEffect(() => {
    setMoveAsker((day, what) => new Promise((resolve) => setAsking({ day, what, answer: resolve })));
    return () => setMoveAsker(null);
  }, []);
  if (!asking) return null;
  const done = (a: MoveAnswer) => {
    setAsking(null);
    asking.answer(a);
  };
  return <DatedMoveDialog day={asking.day} what={asking.what} onAnswer={done} />;
}

function DatedMoveDialog({ day, what, onAnswer }: { day: Day; what: string; onAnswer: (a: MoveAnswer) => void }) {
  const dated = useRef<HTMLButtonElement>(null);
  const titleId = useId(), bodyId = useId();
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    dated.current?.focus();
    return () => before?.focus?.({ preventScroll: true });
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onAnswer("cancel");
    }
  };
  const when = dayLabel(day);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onAnswer("cancel"); }}>
      <div className="modal dated-move" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId} onKeyDown={onKeyDown}>
        <h2 id={titleId}>Takes effect on {when}?</h2>
        <div id={bodyId}>
          <p>{what} is made while the views show {when}.</p>
          <p>Planned for that day, the org changes then and stays as it is until then. Made now, it changes today's design.</p>
        </div>
        <div className="modal-actions">
          <button type="button" onClick={() => onAnswer("cancel")}>Cancel</button>
          <button type="button" onClick={() => onAnswer("now")}>Now</button>
          <button ref={dated} type="button" className="primary" onClick={() => onAnswer("dated")}>On {when}</button>
        </div>
      </div>
    </div>
  );
}

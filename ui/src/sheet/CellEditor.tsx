// Editing one cell: a text field over it, with type-ahead for the manager and dotted-line columns (people), the
// teams column (teams, "Name 60%") and choice columns. Enter or Tab commits (a highlighted suggestion first fills
// in), Escape cancels.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Person, SheetColumn, Unit } from "../bindings";
import { suggestions } from "./suggest";

export interface CellEditorProps {
  column: SheetColumn;
  initial: string;
  /** Started by typing a character: offer suggestions at once. */
  typing?: boolean;
  /** The row's person (whom a manager cell may not name). */
  person: number;
  persons: readonly Person[];
  units: readonly Unit[];
  onDone(text: string | null, then: "down" | "right" | "left" | "stay"): void;
}

export function CellEditor(props: CellEditorProps) {
  const { column } = props;
  const [text, setText] = useState(props.initial);
  const [active, setActive] = useState(0);
  const [typed, setTyped] = useState(!!props.typing);
  const input = useRef<HTMLInputElement>(null);
  const uid = useId();
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const options = useMemo(
    () => (typed ? suggestions(column, text, props.person, props.persons, props.units) : []),
    [typed, column, text, props.person, props.persons, props.units],
  );
  useEffect(() => setActive(0), [options]);
  const open = options.length > 0;
  const done = useRef(false);
  const finish = (value: string | null, then: "down" | "right" | "left" | "stay") => {
    if (done.current) return;
    done.current = true;
    props.onDone(value, then);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === "Escape") { e.preventDefault(); return finish(null, "stay"); }
    if (open && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      const n = options.length;
      return setActive((a) => (a + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
    }
    if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      const value = open ? options[active]!.value : text;
      return finish(value, e.key === "Enter" ? "down" : e.shiftKey ? "left" : "right");
    }
  };

  return (
    <div className="sheet-editor">
      <input
        ref={input}
        aria-label={`Edit ${column.label}`}
        role={open ? "combobox" : undefined}
        aria-expanded={open || undefined}
        aria-controls={open ? `${uid}-list` : undefined}
        aria-activedescendant={open ? `${uid}-opt-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => { setText(e.target.value); setTyped(true); }}
        onKeyDown={onKeyDown}
        onBlur={() => finish(text === props.initial ? null : text, "stay")}
      />
      {open && (
        <ul id={`${uid}-list`} role="listbox" className="picker-list sheet-suggest" aria-label={`${column.label}: matches`}>
          {options.map((o, i) => (
            <li
              key={o.value + i}
              id={`${uid}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => { e.preventDefault(); finish(o.value, "stay"); }}
            >
              <span>{o.label}</span>
              {o.detail && <span className="muted"> · {o.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

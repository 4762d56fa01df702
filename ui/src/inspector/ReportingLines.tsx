// The inspector's reporting lines: "Reports to" (type-ahead; choosing moves the person with their team, as a drag
// does) and the dotted-line managers, each with a remove button, plus a field to add one. Keyboard-only re-parenting.
import { useEffect, useMemo, useRef } from "react";
import type { DottedLine, Op, Person } from "../bindings";
import { displayName } from "./deletePlan";
import { PersonPicker } from "./PersonPicker";
import { dottedAllowed, dottedManagersOf, managerAllowed, pickCandidates } from "./personPicker";
import "./reporting.css";

export interface ReportingLinesProps {
  person: Person;
  persons: readonly Person[];
  managers: ReadonlyMap<number, number | null>;
  dottedLines: readonly DottedLine[];
  personOf: (id: number) => Person | undefined;
  /** Applies an edit of the reporting lines (the caller keeps the card where it is on screen). */
  onApply: (op: Op) => void;
  onSelect: (id: number) => void;
  /** Focus this field ("reports-to" or "add-dotted-line"); a new nonce asks again. */
  focus: { field: string; nonce: number } | null;
  /** Escape here (once a picker has let it through): the focus goes back where the keys were (the chart). */
  onDone?: () => void;
}

export function ReportingLines(props: ReportingLinesProps) {
  const { person, persons, managers, dottedLines, personOf, onApply } = props;
  const ref = useRef<HTMLElement>(null);
  const dotted = useMemo(() => dottedManagersOf(person.id, dottedLines), [person.id, dottedLines]);
  const canManage = useMemo(() => managerAllowed(managers, person.id), [managers, person.id]);
  const canDot = useMemo(() => dottedAllowed(person, dottedLines), [person, dottedLines]);
  const manager = person.manager === null ? undefined : personOf(person.manager);
  const nameOf = (id: number) => { const p = personOf(id); return p ? displayName(p) : `#${id}`; };

  useEffect(() => {
    if (!props.focus) return;
    const el = ref.current?.querySelector<HTMLInputElement>(`[data-field="${props.focus.field}"]`);
    el?.focus();
    el?.select();
  }, [props.focus]);

  return (
    <section ref={ref} className="inspector-section reporting-lines" aria-label="Reporting lines" onKeyDown={(e) => {
      if (e.key !== "Escape" || e.defaultPrevented || !props.onDone) return;
      e.preventDefault();
      props.onDone();
    }}>
      <h3>Reporting lines</h3>
      <PersonPicker
        label="Reports to"
        field="reports-to"
        value={manager ? displayName(manager) : ""}
        placeholder="No manager: type a name"
        none={person.manager === null ? undefined : "No manager (top of the chart)"}
        candidates={(q) => pickCandidates(persons, q, canManage)}
        onPick={(id) => onApply({ op: "move-subtree", person: person.id, manager: id })}
      />
      <div className="dotted-lines">
        <span className="label">Dotted-line managers</span>
        {dotted.length === 0 ? (
          <p className="muted small">None.</p>
        ) : (
          <ul className="dotted-list" aria-label="Dotted-line managers">
            {dotted.map((m) => (
              <li key={m}>
                <button type="button" className="link" onClick={() => props.onSelect(m)}>{nameOf(m)}</button>
                <button
                  type="button"
                  className="icon"
                  aria-label={`Remove the dotted line to ${nameOf(m)}`}
                  title="Remove this dotted line"
                  onClick={() => onApply({ op: "remove-dotted-line", person: person.id, manager: m })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <PersonPicker
          label="Add dotted line"
          field="add-dotted-line"
          value=""
          placeholder="Type a name"
          candidates={(q) => pickCandidates(persons, q, canDot)}
          onPick={(id) => { if (id !== null) onApply({ op: "add-dotted-line", person: person.id, manager: id }); }}
        />
      </div>
    </section>
  );
}

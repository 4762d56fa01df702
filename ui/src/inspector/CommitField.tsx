// A text field for the inspectors: it edits a copy, applies it on Enter (single line) or when it loses the focus,
// and shows the record again on Escape, so one edit is one operation and nothing half-typed is written.
import { useEffect, useState, type KeyboardEvent } from "react";

export function CommitField(props: { label: string; value: string; multiline?: boolean; rows?: number; type?: string; onCommit: (v: string) => void }) {
  const [v, setV] = useState(props.value);
  useEffect(() => setV(props.value), [props.value]);
  const commit = () => { if (v !== props.value) props.onCommit(v); };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" && !props.multiline) { e.preventDefault(); commit(); }
    // The first Escape gives back the record's value; in an unchanged field it reaches the inspector, which returns
    // the focus to the map it was opened from.
    if (e.key === "Escape" && v !== props.value) { setV(props.value); e.stopPropagation(); }
  };
  return (
    <label className="field">
      <span>{props.label}</span>
      {props.multiline
        ? <textarea aria-label={props.label} value={v} rows={props.rows ?? 2} onChange={(e) => setV(e.target.value)} onBlur={commit} onKeyDown={onKey} />
        : <input aria-label={props.label} type={props.type ?? "text"} value={v} onChange={(e) => setV(e.target.value)} onBlur={commit} onKeyDown={onKey} />}
    </label>
  );
}

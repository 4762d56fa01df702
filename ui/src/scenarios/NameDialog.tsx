// A small modal asking for a scenario name (fork, rename); Escape or Cancel backs out.
import { useEffect, useId, useRef, useState } from "react";

export function NameDialog(props: { title: string; initial: string; confirmLabel: string; onConfirm: (name: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(props.initial);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  useEffect(() => input.current?.select(), []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) props.onCancel(); }}>
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={(e) => { e.preventDefault(); if (name.trim()) props.onConfirm(name.trim()); }}
        onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); props.onCancel(); } }}
      >
        <h2 id={titleId}>{props.title}</h2>
        <label>
          Name <input ref={input} value={name} onChange={(e) => setName(e.target.value)} aria-label="Scenario name" />
        </label>
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel}>Cancel</button>
          <button type="submit" disabled={!name.trim()}>{props.confirmLabel}</button>
        </div>
      </form>
    </div>
  );
}

// Ctrl/Cmd+K: type part of a scenario's name, arrows to choose, Enter to switch to it.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { Scenario } from "../bindings";
import { filterScenarios } from "./scenarioModel";

export function ScenarioPalette(props: { scenarios: readonly Scenario[]; active: number | null; onPick: (s: Scenario) => void; onClose: () => void }) {
  const [query, setQuery] = useState("");
  const [at, setAt] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const shown = useMemo(() => filterScenarios(props.scenarios, query), [props.scenarios, query]);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => setAt(0), [query]);
  const pick = (s: Scenario | undefined) => { if (s) props.onPick(s); };
  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) props.onClose(); }}>
      <div className="modal scenario-palette" role="dialog" aria-modal="true" aria-label="Switch scenario">
        <input
          ref={input}
          value={query}
          placeholder="Switch to scenario…"
          aria-label="Scenario name"
          aria-controls={listId}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); props.onClose(); }
            else if (e.key === "ArrowDown") { e.preventDefault(); setAt((i) => Math.min(i + 1, shown.length - 1)); }
            else if (e.key === "ArrowUp") { e.preventDefault(); setAt((i) => Math.max(i - 1, 0)); }
            else if (e.key === "Enter") { e.preventDefault(); pick(shown[at]); }
          }}
        />
        <ul id={listId} role="listbox">
          {shown.map((s, i) => (
            <li key={s.id} role="option" aria-selected={i === at} className={i === at ? "active" : undefined} onMouseDown={() => pick(s)}>
              {s.name}
              {s.id === props.active && <span className="muted"> · open</span>}
              {s.archived && <span className="muted"> · archived</span>}
            </li>
          ))}
          {shown.length === 0 && <li className="muted">No scenario matches</li>}
        </ul>
      </div>
    </div>
  );
}

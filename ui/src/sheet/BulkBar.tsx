// Bulk actions on the selected rows: set the manager, add to or remove from a team (with an allocation), set the
// status or any field, add or remove a dotted line. Each is one op (a batch), so one Ctrl+Z undoes it.
import { useState } from "react";
import type { Op, PersonStatus, SheetColumn } from "../bindings";
import { PersonPicker } from "../inspector/PersonPicker";
import { pickCandidates } from "../inspector/personPicker";
import { bulk, CellProblem, type Lookup } from "./sheetOps";
import "../inspector/reporting.css";

type Action = "manager" | "add-team" | "remove-team" | "status" | "field" | "add-dotted" | "remove-dotted";

const ACTIONS: Record<Action, string> = {
  manager: "Set manager",
  "add-team": "Add to team",
  "remove-team": "Remove from team",
  status: "Set status",
  field: "Set a field",
  "add-dotted": "Add dotted line",
  "remove-dotted": "Remove dotted line",
};

const STATUSES: PersonStatus[] = ["active", "open-position", "planned-hire", "leaving"];
const NOT_FIELDS = new Set(["manager", "dotted", "teams"]);

export interface BulkBarProps {
  ids: readonly number[];
  lookup: Lookup;
  columns: readonly SheetColumn[];
  apply(op: Op | null): Promise<boolean>;
}

export function BulkBar({ ids, lookup, columns, apply }: BulkBarProps) {
  const [action, setAction] = useState<Action>("manager");
  const [unit, setUnit] = useState<number | null>(lookup.records.units[0]?.id ?? null);
  const [allocation, setAllocation] = useState("100");
  const [status, setStatus] = useState<PersonStatus>("active");
  const [field, setField] = useState("title");
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const candidates = (q: string) => pickCandidates(lookup.records.persons, q, (id) => !ids.includes(id));
  const run = (make: () => Op | null) => {
    try {
      setProblem(null);
      void apply(make());
    } catch (e) {
      if (e instanceof CellProblem) setProblem(e.message); else throw e;
    }
  };
  const personPick = (label: string, onPick: (id: number | null) => void, none?: string) => (
    <PersonPicker label={label} value="" placeholder="Type a name…" candidates={candidates} onPick={onPick} none={none} field={`bulk-${action}`} />
  );
  const teamSelect = (
    <select aria-label="Team" value={unit ?? ""} onChange={(e) => setUnit(Number(e.target.value))}>
      {[...lookup.records.units].sort((a, b) => a.name.localeCompare(b.name)).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
    </select>
  );
  return (
    <div className="sheet-bulk" role="group" aria-label="Bulk actions">
      <strong>{ids.length} selected</strong>
      <select aria-label="Bulk action" value={action} onChange={(e) => setAction(e.target.value as Action)}>
        {(Object.keys(ACTIONS) as Action[]).map((a) => <option key={a} value={a}>{ACTIONS[a]}</option>)}
      </select>
      {action === "manager" && personPick("New manager", (m) => run(() => bulk.setManager(ids, m)), "No manager")}
      {action === "add-dotted" && personPick("Dotted-line manager", (m) => m !== null && run(() => bulk.addDotted(ids, m, lookup)))}
      {action === "remove-dotted" && personPick("Dotted-line manager", (m) => m !== null && run(() => bulk.removeDotted(ids, m, lookup)))}
      {(action === "add-team" || action === "remove-team") && teamSelect}
      {action === "add-team" && (
        <label>Allocation <input aria-label="Allocation" size={4} value={allocation} onChange={(e) => setAllocation(e.target.value)} />%</label>
      )}
      {action === "add-team" && unit !== null && (
        <button type="button" onClick={() => run(() => bulk.addToTeam(ids, unit, Math.round(Number(allocation)), lookup))}>Add {ids.length}</button>
      )}
      {action === "remove-team" && unit !== null && (
        <button type="button" onClick={() => run(() => bulk.removeFromTeam(ids, unit, lookup))}>Remove {ids.length}</button>
      )}
      {action === "status" && (
        <>
          <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as PersonStatus)}>
            {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
          <button type="button" onClick={() => run(() => bulk.setField(ids, "status", status, lookup))}>Set {ids.length}</button>
        </>
      )}
      {action === "field" && (
        <>
          <select aria-label="Field" value={field} onChange={(e) => setField(e.target.value)}>
            {columns.filter((c) => !NOT_FIELDS.has(c.key)).map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
          </select>
          <input aria-label="Value" value={value} onChange={(e) => setValue(e.target.value)} />
          <button type="button" onClick={() => run(() => bulk.setField(ids, field, value, lookup))}>Set {ids.length}</button>
        </>
      )}
      {problem && <span className="error" role="alert">{problem}</span>}
    </div>
  );
}

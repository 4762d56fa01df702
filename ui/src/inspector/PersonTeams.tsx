// A person's teams in an inspector: each seat with its role and allocation and a remove button, and "Add to team"
// with a type-ahead over team names, an allocation and a role. Every change is one op.
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import type { Membership, Op, Person, TeamRole, Unit } from "../bindings";
import { roleFor, teamMatches } from "../teammap/teamsModel";
import { ROLE_LABELS } from "./roleLabels";
import { displayName } from "./deletePlan";

export interface PersonTeamsProps {
  person: Person;
  units: readonly Unit[];
  memberships: readonly Membership[];
  apply: (op: Op) => void;
  /** Opens a team (the team map selects it); without it team names are plain text. */
  onSelectUnit?: (id: number) => void;
}

const ROLES = Object.keys(ROLE_LABELS) as TeamRole[];

export function PersonTeams({ person, units, memberships, apply, onSelectUnit }: PersonTeamsProps) {
  const seats = memberships.filter((m) => m.person === person.id);
  const total = seats.reduce((a, m) => a + m.allocation, 0);
  const unitName = (id: number) => units.find((u) => u.id === id)?.name ?? `#${id}`;
  const who = displayName(person);
  return (
    <div className="person-teams">
      {seats.length === 0 ? <p className="muted">On no team.</p> : (
        <ul className="seats">
          {seats.map((m) => {
            const name = unitName(m.unit);
            return (
              <li className="seat-row" key={m.unit}>
                {onSelectUnit
                  ? <button type="button" className="link seat-name" onClick={() => onSelectUnit(m.unit)}>{name}</button>
                  : <span className="seat-name">{name}</span>}
                <select aria-label={`Role of ${who} on ${name}`} value={m.role} onChange={(e) => apply({ ...seatOp(m), role: e.target.value as TeamRole })}>
                  {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                </select>
                <Percent label={`Allocation of ${who} on ${name}`} value={m.allocation} onCommit={(allocation) => apply({ ...seatOp(m), allocation })} />
                <button type="button" className="icon" aria-label={`Remove ${who} from ${name}`} title="Remove from the team"
                  onClick={() => apply({ op: "remove-membership", person: m.person, unit: m.unit })}>×</button>
              </li>
            );
          })}
        </ul>
      )}
      {total > 100 && <p className="field-error">Allocations add up to {total}%.</p>}
      <AddToTeam person={person} units={units} seats={seats} free={Math.max(0, 100 - total)} apply={apply} />
    </div>
  );
}

const seatOp = (m: Membership) => ({ op: "set-membership" as const, person: m.person, unit: m.unit, allocation: m.allocation, role: m.role });

/** A percentage field that applies on Enter or blur; an invalid number goes to the core, which says why. */
function Percent({ label, value, onCommit }: { label: string; value: number; onCommit: (v: number) => void }) {
  const [v, setV] = useState(String(value));
  useEffect(() => setV(String(value)), [value]);
  const commit = () => {
    const n = Number(v);
    if (n !== value) onCommit(Number.isFinite(n) && v.trim() !== "" ? Math.round(n) : -1);
  };
  return (
    <span className="allocation">
      <input aria-label={label} type="number" min={1} max={100} value={v} onChange={(e) => setV(e.target.value)} onBlur={commit}
        onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); commit(); } }} />%
    </span>
  );
}

function AddToTeam({ person, units, seats, free, apply }: { person: Person; units: readonly Unit[]; seats: readonly Membership[]; free: number; apply: (op: Op) => void }) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [allocation, setAllocation] = useState(String(free || 100));
  const [role, setRole] = useState<TeamRole>(roleFor(person.discipline));
  const listId = useId();
  useEffect(() => setAllocation(String(free || 100)), [free]);
  const matches = teamMatches(units, query, new Set(seats.map((s) => s.unit)));
  const exact = matches.find((u) => u.name.toLowerCase() === query.trim().toLowerCase());

  const add = (unit: Unit | undefined) => {
    if (!unit) return;
    const n = Number(allocation);
    apply({ op: "set-membership", person: person.id, unit: unit.id, allocation: Number.isFinite(n) && allocation.trim() !== "" ? Math.round(n) : -1, role });
    setQuery("");
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown") { e.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, matches.length - 1)); }
    else if (e.key === "ArrowUp") { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
    else if (e.key === "Enter") { e.preventDefault(); add(open ? matches[active] ?? exact : exact ?? matches[0]); }
    else if (e.key === "Escape" && open) { e.stopPropagation(); setOpen(false); }
  };

  return (
    <div className="add-to-team" role="group" aria-label="Add to team">
      <div className="typeahead">
        <input aria-label="Add to team" placeholder="Add to team…" role="combobox" aria-expanded={open && matches.length > 0} aria-controls={listId}
          aria-autocomplete="list" value={query} onKeyDown={onKey} onFocus={() => setOpen(true)} onBlur={() => setOpen(false)}
          onChange={(e) => { setQuery(e.target.value); setActive(0); setOpen(true); }} />
        {open && matches.length > 0 && (
          <ul className="typeahead-list" role="listbox" id={listId}>
            {matches.map((u, i) => (
              <li key={u.id} role="option" aria-selected={i === active} className={i === active ? "active" : undefined}
                onMouseDown={(e) => { e.preventDefault(); add(u); }}>{u.name}</li>
            ))}
          </ul>
        )}
      </div>
      <span className="allocation">
        <input aria-label="Allocation on the new team" type="number" min={1} max={100} value={allocation} onChange={(e) => setAllocation(e.target.value)} />%
      </span>
      <select aria-label="Role on the new team" value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
        {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
      </select>
      <button type="button" className="small" disabled={!exact && matches.length !== 1} onClick={() => add(exact ?? matches[0])}>Add</button>
    </div>
  );
}

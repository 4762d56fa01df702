// The team map's side panel: the selected unit (name, kind, mission, lead, target size, colour, members with role
// and allocation, owned areas, interactions), the seats of a selected person (their allocation split), or the
// selected interaction (mode, note, start and expected end). Every change is one op through the controller.
import { useEffect, useState } from "react";
import type { Area, Contributor, Error as CoreError, Interaction, InteractionMode, Membership, Op, OrgRecords, Person, TeamRole, Unit, UnitKind } from "../bindings";
import { BudgetEditor } from "../plan/BudgetEditor";
import { ROLE_LABELS } from "../inspector/InspectorPanel";
import { displayName } from "../inspector/deletePlan";
import { INTERACTION_MODES, KIND_STYLES, MODE_STYLES, UNIT_KINDS } from "./style";
import { PersonTeams } from "../inspector/PersonTeams";
import { CommitField } from "../inspector/CommitField";
import { EntityFindings } from "../insights/EntityFindings";
import { InteractionDates } from "./InteractionDates";

export interface MapRecords {
  persons: readonly Person[];
  units: readonly Unit[];
  memberships: readonly Membership[];
  areas: readonly Area[];
  contributors: readonly Contributor[];
  interactions: readonly Interaction[];
}

type Apply = (op: Op) => void;

const ROLES = Object.keys(ROLE_LABELS) as TeamRole[];

const nameOf = (persons: readonly Person[], id: number) => {
  const p = persons.find((x) => x.id === id);
  return p ? displayName(p) : `#${id}`;
};

function SeatRow({ m, label, apply }: { m: Membership; label: string; apply: Apply }) {
  return (
    <li className="seat-row">
      <span className="seat-name">{label}</span>
      <select aria-label={`Role of ${label}`} value={m.role} onChange={(e) => apply({ op: "set-membership", person: m.person, unit: m.unit, allocation: m.allocation, role: e.target.value as TeamRole })}>
        {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
      </select>
      <AllocationInput m={m} label={label} apply={apply} />
      <button type="button" className="icon" aria-label={`Remove ${label}`} title="Remove from the team" onClick={() => apply({ op: "remove-membership", person: m.person, unit: m.unit })}>×</button>
    </li>
  );
}

function AllocationInput({ m, label, apply }: { m: Membership; label: string; apply: Apply }) {
  const [v, setV] = useState(String(m.allocation));
  useEffect(() => setV(String(m.allocation)), [m.allocation]);
  const commit = () => {
    const n = Number(v);
    if (n === m.allocation) return;
    // Out of range or not a number: the core refuses with a clear message in the status bar.
    apply({ op: "set-membership", person: m.person, unit: m.unit, allocation: Number.isFinite(n) ? Math.round(n) : -1, role: m.role });
  };
  return (
    <span className="allocation">
      <input aria-label={`Allocation of ${label}`} type="number" min={1} max={100} value={v} onChange={(e) => setV(e.target.value)} onBlur={commit}
        onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); commit(); } }} />%
    </span>
  );
}

/** What the unit inspector's Budget section needs: the whole records (budgets, currencies) and an apply that answers refusals. */
export interface BudgetEditing {
  records: OrgRecords;
  apply: (op: Op) => Promise<CoreError | null>;
}

export function UnitInspector({ unit, records, apply, onSelectUnit, onClose, budgets }: { unit: Unit; records: MapRecords; apply: Apply; onSelectUnit: (id: number) => void; onClose: () => void; budgets?: BudgetEditing }) {
  const update = (patch: Partial<Unit>) => apply({ op: "update-unit", unit: { ...unit, ...patch } });
  const members = records.memberships.filter((m) => m.unit === unit.id);
  const owned = records.areas.filter((a) => a.owner === unit.id);
  const contributes = records.contributors.filter((c) => c.unit === unit.id).map((c) => records.areas.find((a) => a.id === c.area)).filter((a): a is Area => !!a);
  const links = records.interactions.filter((i) => i.from === unit.id || i.to === unit.id);
  const unitName = (id: number) => records.units.find((u) => u.id === id)?.name ?? `#${id}`;
  const fte = members.reduce((a, m) => a + m.allocation / 100, 0);
  return (
    <aside className="inspector teammap-inspector" aria-label="Unit inspector">
      <header className="inspector-head">
        <div>
          <h2>{unit.name}</h2>
          <p className="muted">{KIND_STYLES[unit.kind].label} · {members.length} members · {Math.round(fte * 10) / 10} FTE</p>
        </div>
        <button type="button" className="icon" onClick={onClose} aria-label="Close the inspector" title="Close">×</button>
      </header>
      <div className="inspector-form">
        <CommitField label="Name" value={unit.name} onCommit={(name) => update({ name })} />
        <label className="field">
          <span>Kind</span>
          <select value={unit.kind} onChange={(e) => update({ kind: e.target.value as UnitKind })}>
            {UNIT_KINDS.map((k) => <option key={k} value={k}>{KIND_STYLES[k].label}</option>)}
          </select>
        </label>
        <CommitField label="Mission" value={unit.mission} multiline onCommit={(mission) => update({ mission })} />
        <label className="field">
          <span>Lead</span>
          <select value={unit.lead ?? ""} onChange={(e) => update({ lead: e.target.value === "" ? null : Number(e.target.value) })}>
            <option value="">None</option>
            {unit.lead !== null && !members.some((m) => m.person === unit.lead) && <option value={unit.lead}>{nameOf(records.persons, unit.lead)}</option>}
            {members.map((m) => <option key={m.person} value={m.person}>{nameOf(records.persons, m.person)}</option>)}
          </select>
        </label>
        <div className="field-row">
          <CommitField label="Target size" type="number" value={unit.target_size === null ? "" : String(unit.target_size)}
            onCommit={(v) => update({ target_size: v.trim() === "" ? null : Math.round(Number(v)) })} />
          <label className="field">
            <span>Colour</span>
            <span className="colour-field">
              <input type="color" aria-label="Colour" value={unit.colour ?? KIND_STYLES[unit.kind].fill ?? "#ffffff"} onChange={(e) => update({ colour: e.target.value })} />
              {unit.colour !== null && <button type="button" className="small" onClick={() => update({ colour: null })}>Default</button>}
            </span>
          </label>
        </div>
        <section>
          <h3>Members</h3>
          {members.length === 0 ? <p className="muted">Nobody yet: drag people here on the map.</p> : (
            <ul className="seats">
              {members.map((m) => <SeatRow key={m.person} m={m} label={nameOf(records.persons, m.person)} apply={apply} />)}
            </ul>
          )}
        </section>
        <section>
          <h3>Owns</h3>
          {owned.length === 0 ? <p className="muted">No product areas.</p> : <ul>{owned.map((a) => <li key={a.id}>{a.name}</li>)}</ul>}
          {contributes.length > 0 && <p className="muted">Contributes to {contributes.map((a) => a.name).join(", ")}</p>}
        </section>
        {budgets && (
          <section aria-label="Budget">
            <h3>Budget</h3>
            <BudgetEditor records={budgets.records} unit={unit.id} period={String(new Date().getFullYear())} apply={budgets.apply} />
          </section>
        )}
        <EntityFindings kind="unit" id={unit.id} />
        <section>
          <h3>Interactions</h3>
          {links.length === 0 ? <p className="muted">None: drag from a team's edge handle to another team.</p> : (
            <ul className="interactions">
              {links.map((i) => (
                <li key={i.id}>
                  <button type="button" className="link" onClick={() => onSelectUnit(i.from === unit.id ? i.to : i.from)}>{unitName(i.from === unit.id ? i.to : i.from)}</button>
                  <ModeSelect interaction={i} apply={apply} />
                  <button type="button" className="icon" aria-label={`Delete the interaction with ${unitName(i.from === unit.id ? i.to : i.from)}`} onClick={() => apply({ op: "remove-interaction", id: i.id })}>×</button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </aside>
  );
}

function ModeSelect({ interaction, apply }: { interaction: Interaction; apply: Apply }) {
  return (
    <select aria-label="Interaction mode" value={interaction.mode} onChange={(e) => apply({ op: "update-interaction", interaction: { ...interaction, mode: e.target.value as InteractionMode } })}>
      {INTERACTION_MODES.map((m) => <option key={m} value={m}>{MODE_STYLES[m].label}</option>)}
    </select>
  );
}

export function InteractionInspector({ interaction, records, apply, onClose }: { interaction: Interaction; records: MapRecords; apply: Apply; onClose: () => void }) {
  const unitName = (id: number) => records.units.find((u) => u.id === id)?.name ?? `#${id}`;
  return (
    <aside className="inspector teammap-inspector" aria-label="Interaction inspector">
      <header className="inspector-head">
        <div>
          <h2>{unitName(interaction.from)} → {unitName(interaction.to)}</h2>
          <p className="muted">{MODE_STYLES[interaction.mode].label}</p>
        </div>
        <button type="button" className="icon" onClick={onClose} aria-label="Close the inspector" title="Close">×</button>
      </header>
      <div className="inspector-form">
        <label className="field"><span>Mode</span><ModeSelect interaction={interaction} apply={apply} /></label>
        <CommitField label="Note" value={interaction.note} multiline onCommit={(note) => apply({ op: "update-interaction", interaction: { ...interaction, note } })} />
        <InteractionDates interaction={interaction} apply={apply} />
        <div className="form-actions">
          <button type="button" className="danger" onClick={() => apply({ op: "remove-interaction", id: interaction.id })}>Delete interaction</button>
        </div>
      </div>
    </aside>
  );
}

/** A selected person on the map: their seats, so an Alt-drag's 50/50 split can be set to what it really is. */
export function SeatsInspector({ person, records, apply, onSelectUnit, onClose }: { person: Person; records: MapRecords; apply: Apply; onSelectUnit: (id: number) => void; onClose: () => void }) {
  const seats = records.memberships.filter((m) => m.person === person.id);
  const total = seats.reduce((a, m) => a + m.allocation, 0);
  return (
    <aside className="inspector teammap-inspector" aria-label="Person on the team map">
      <header className="inspector-head">
        <div>
          <h2>{displayName(person)}</h2>
          <p className="muted">{person.title}{seats.length > 1 && ` · ${total}% across ${seats.length} teams`}</p>
        </div>
        <button type="button" className="icon" onClick={onClose} aria-label="Close the inspector" title="Close">×</button>
      </header>
      <div className="inspector-form">
        <h3>Teams</h3>
        <PersonTeams person={person} units={records.units} memberships={records.memberships} apply={apply} onSelectUnit={onSelectUnit} />
        <EntityFindings kind="person" id={person.id} />
      </div>
    </aside>
  );
}

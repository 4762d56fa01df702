// The ownership view's side panel for the selected product area: name, description, complexity, user-facing,
// direction (stance, target share, outcome, and actual effort against the target), owner and contributors, and the
// area's health findings. Every change is one op through the controller.
import { useEffect, useState, useSyncExternalStore } from "react";
import { commands, type Area, type AreaEffort, type Complexity, type Op, type Stance } from "../bindings";
import { checkLabel } from "../insights/findings";
import { CommitField } from "../inspector/CommitField";
import { sharedHealthFeed } from "../insights/healthFeed";
import { childrenOf, type AreaRecords } from "./areaEdit";
import { EFFORT_RULE, STANCES, effortLine, parseTarget } from "./direction";

const COMPLEXITIES: { value: Complexity; label: string }[] = [
  { value: "simple", label: "Simple" },
  { value: "complicated", label: "Complicated" },
  { value: "complex", label: "Complex" },
];

/** The target share field: applies on Enter or blur; what is not a percentage from 0 to 100 is shown as invalid. */
function TargetField(props: { value: number | null; onCommit: (v: number | null) => void }) {
  const shown = props.value === null ? "" : String(props.value);
  const [v, setV] = useState(shown);
  const [bad, setBad] = useState(false);
  useEffect(() => { setV(shown); setBad(false); }, [shown]);
  const commit = () => {
    const t = parseTarget(v);
    if (!t.ok) { setBad(true); return; }
    setBad(false);
    if (t.value !== props.value) props.onCommit(t.value);
  };
  return (
    <label className="field">
      <span>Target share (%)</span>
      <input aria-label="Target share (%)" inputMode="decimal" value={v} aria-invalid={bad} placeholder="None"
        onChange={(e) => setV(e.target.value)} onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") { e.preventDefault(); commit(); }
          if (e.key === "Escape") { setV(shown); setBad(false); e.stopPropagation(); }
        }} />
      {bad && <small className="field-error" role="alert">A percentage from 0 to 100, or blank for none.</small>}
    </label>
  );
}

/** The open scenario's actual effort on one area, fetched again whenever the records change. */
function useAreaEffort(area: number, records: AreaRecords): AreaEffort | undefined {
  const [effort, setEffort] = useState<AreaEffort | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void commands.areaEffort().then((r) => {
      if (live && r.status === "ok") setEffort(r.data.areas.find((a) => a.area === area));
    });
    return () => { live = false; };
  }, [area, records]);
  return effort;
}

export interface AreaInspectorProps {
  area: Area;
  records: AreaRecords;
  apply: (op: Op) => void;
  onDelete: () => void;
  onClose: () => void;
}

export function AreaInspector({ area, records, apply, onDelete, onClose }: AreaInspectorProps) {
  const update = (patch: Partial<Area>) => apply({ op: "update-area", area: { ...area, ...patch } });
  const { findings } = useSyncExternalStore(sharedHealthFeed.subscribe, sharedHealthFeed.snapshot);
  const mine = findings.filter((f) => f.entity_kind === "area" && f.entity_id === area.id);
  const units = [...records.units].sort((a, b) => a.name.localeCompare(b.name));
  const unitName = (id: number) => records.units.find((u) => u.id === id)?.name ?? `#${id}`;
  const contributors = records.contributors.filter((c) => c.area === area.id).map((c) => c.unit);
  const canContribute = units.filter((u) => u.id !== area.owner && !contributors.includes(u.id));
  const children = childrenOf(records.areas, area.id).length;
  const parent = area.parent === null ? null : records.areas.find((a) => a.id === area.parent);
  const effort = useAreaEffort(area.id, records);
  return (
    <aside className="inspector area-inspector" aria-label="Area inspector">
      <header className="inspector-head">
        <div>
          <h2>{area.name}</h2>
          <p className="muted">
            {parent ? `In ${parent.name}` : "Top-level area"}
            {children > 0 && ` · ${children} sub-${children === 1 ? "area" : "areas"}`}
          </p>
        </div>
        <button type="button" className="icon" onClick={onClose} aria-label="Close the inspector" title="Close">×</button>
      </header>
      <div className="inspector-form">
        <CommitField label="Name" value={area.name} onCommit={(name) => { if (name.trim() !== "") update({ name: name.trim() }); }} />
        <CommitField label="Description" value={area.description} multiline rows={3} onCommit={(description) => update({ description })} />
        <div className="field-row">
          <label className="field">
            <span>Complexity</span>
            <select aria-label="Complexity" value={area.complexity} onChange={(e) => update({ complexity: e.target.value as Complexity })}>
              {COMPLEXITIES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </select>
          </label>
          <label className="field checkbox-field">
            <span>User-facing</span>
            <input type="checkbox" aria-label="User-facing" checked={area.user_facing} onChange={(e) => update({ user_facing: e.target.checked })} />
          </label>
        </div>
        <section aria-label="Direction">
          <h3>Direction</h3>
          <div className="field-row">
            <label className="field">
              <span>Stance</span>
              <select aria-label="Stance" value={area.stance ?? ""} onChange={(e) => update({ stance: e.target.value === "" ? null : e.target.value as Stance })}>
                {STANCES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
              </select>
            </label>
            <TargetField value={area.target_share ?? null} onCommit={(target_share) => update({ target_share })} />
          </div>
          <CommitField label="Outcome" value={area.outcome ?? ""} onCommit={(outcome) => update({ outcome })} />
          <p className="muted area-effort" role="note" aria-label="Actual effort" title={EFFORT_RULE}>{effortLine(effort, area.target_share ?? null)}</p>
          <details className="area-effort-help"><summary>How actual effort is counted</summary><p className="muted">{EFFORT_RULE}</p></details>
        </section>
        <label className="field">
          <span>Owner</span>
          <select aria-label="Owner" value={area.owner ?? ""} onChange={(e) => apply(e.target.value === "" ? { op: "clear-owner", area: area.id } : { op: "set-owner", area: area.id, unit: Number(e.target.value) })}>
            <option value="">No owner</option>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </label>
        <section>
          <h3>Contributors</h3>
          {contributors.length === 0 ? <p className="muted">None.</p> : (
            <ul className="area-contributors">
              {contributors.map((u) => (
                <li key={u}>
                  <span>{unitName(u)}</span>
                  <button type="button" className="icon" aria-label={`Remove ${unitName(u)} as a contributor`} title="Remove" onClick={() => apply({ op: "remove-contributor", area: area.id, unit: u })}>×</button>
                </li>
              ))}
            </ul>
          )}
          {canContribute.length > 0 && (
            <label className="field">
              <span>Add a contributor</span>
              <select aria-label="Add a contributor" value="" onChange={(e) => { if (e.target.value !== "") apply({ op: "add-contributor", area: area.id, unit: Number(e.target.value) }); }}>
                <option value="">Choose a team…</option>
                {canContribute.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </label>
          )}
        </section>
        <section aria-label="Findings of this area">
          <h3>Findings</h3>
          {mine.length === 0 ? <p className="muted">None.</p> : (
            <ul className="area-findings">
              {mine.map((f) => <li key={f.check} className={`finding-${f.severity}`}><strong>{checkLabel(f.check)}</strong>: {f.message}</li>)}
            </ul>
          )}
        </section>
        <div className="inspector-actions">
          <button type="button" className="danger" onClick={onDelete}>Delete area…</button>
        </div>
      </div>
    </aside>
  );
}

// The side panel for the selected person: edit their fields (UpdatePerson), see their teams, fold their subtree,
// add a report or an open position under them, delete them. The form's logic lives in ./personForm.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import type { Error as CoreError, Membership, Person, Unit } from "../bindings";
import type { CollapseState } from "../actions/appActions";
import { displayName } from "./deletePlan";
import { useFields } from "../fields/fieldsStore";
import type { FieldDefs } from "../bindings";

/** What a value of the field `key` looks like, as the value box's placeholder. */
function fieldHint(fields: FieldDefs, key: string): string {
  switch (fields.fields.find((f) => f.name === key)?.kind) {
    case "number": return "A number";
    case "date": return "YYYY-MM-DD";
    case "choice": return "One of its choices";
    case "person": return "A person's id";
    default: return "Value";
  }
}
import { ROLE_LABELS } from "./roleLabels";
import { PersonTeams, type PersonTeamsProps } from "./PersonTeams";
import { EntityFindings } from "../insights/EntityFindings";
import {
  DISCIPLINES, EMPLOYMENTS, formErrorOf, formFromPerson, HIRING_STAGES, isDirty, isHiring, personFromForm, STATUSES,
  type FormError, type FormField, type PersonForm,
} from "./personForm";

export interface TeamSeat {
  unit: Pick<Unit, "id" | "name" | "colour">;
  membership: Pick<Membership, "allocation" | "role">;
  /** The colour the chart draws for the team (its own, or the fallback the scene picked). */
  colour: string;
}

export interface InspectorPanelProps {
  person: Person;
  manager: { id: number; name: string } | null;
  teams: TeamSeat[];
  directReports: number;
  collapse: { state: CollapseState; hidden: number };
  /** Applies the edited person; answers the core's refusal, or null when it was saved. */
  onApply: (person: Person) => Promise<CoreError | null>;
  onSelect: (id: number) => void;
  onToggleCollapsed: () => void;
  onAddReport: () => void;
  onAddOpenPosition: () => void;
  onDelete: () => void;
  onClose: () => void;
  /** Give the focus back to the chart (Escape in an unchanged form). */
  onDone: () => void;
  /** Focus (and select) this field; a new nonce asks again. */
  focus: { field: FormField; nonce: number } | null;
  shortcuts: { inspect: string; delete: string; toggle: string };
  /** The reporting-lines section (./ReportingLines), shown under the form. */
  reporting?: ReactNode;
  /** Makes the Teams section editable (add to a team, allocation, role, remove). */
  teamEditing?: Omit<PersonTeamsProps, "person">;
}

export { ROLE_LABELS };

export function InspectorPanel(props: InspectorPanelProps) {
  const { person } = props;
  const [form, setForm] = useState<PersonForm>(() => formFromPerson(person));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const base = useRef(person);
  const formRef = useRef<HTMLFormElement>(null);
  const uid = useId();
  const listId = `fields${uid.replace(/:/g, "")}`;
  const fields = useFields(person);

  // Another person, or this one changed elsewhere (undo, a drag): show the record, unless the user has edits.
  useEffect(() => {
    const prev = base.current;
    base.current = person;
    if (prev.id !== person.id) {
      setForm(formFromPerson(person));
      setErrors([]);
    } else if (prev !== person) {
      setForm((f) => (isDirty(f, prev) ? f : formFromPerson(person)));
    }
  }, [person]);

  useEffect(() => {
    if (!props.focus) return;
    const el = formRef.current?.querySelector<HTMLInputElement>(`[data-field="${props.focus.field}"]`);
    el?.focus();
    el?.select?.();
  }, [props.focus]);

  const dirty = isDirty(form, person);
  const set = <K extends keyof PersonForm>(k: K, v: PersonForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const errorFor = (field: FormField) => errors.filter((e) => e.field === field);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const r = personFromForm(form, person);
    if (!r.ok) return setErrors(r.errors);
    if (!dirty) return setErrors([]);
    setBusy(true);
    const refusal = await props.onApply(r.person);
    setBusy(false);
    setErrors(refusal ? [formErrorOf(refusal)] : []);
  };

  const revert = () => {
    setForm(formFromPerson(person));
    setErrors([]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    if (dirty || errors.length) revert();
    else props.onDone();
  };

  const openPosition = form.status === "open-position";
  const field = (f: FormField, label: string, input: ReactNode, hint?: string) => (
    <div className={`field${errorFor(f).length ? " invalid" : ""}`}>
      <label htmlFor={`${uid}-${f}`}>{label}</label>
      {input}
      {hint && <small className="hint">{hint}</small>}
      {errorFor(f).map((er, i) => (
        <p key={i} className="field-error" role="alert"><code>{er.code}</code> {er.message}</p>
      ))}
    </div>
  );
  const text = (f: Exclude<FormField, "custom" | "discipline" | "employment" | "status" | "hiringStage">, placeholder = "", type = "text") => (
    <input
      id={`${uid}-${f}`}
      data-field={f}
      type={type}
      value={form[f]}
      placeholder={placeholder}
      aria-invalid={errorFor(f).length > 0}
      onChange={(e) => set(f, e.target.value)}
    />
  );
  const select = <F extends "discipline" | "employment" | "status" | "hiringStage">(f: F, options: readonly { value: PersonForm[F]; label: string }[]) => (
    <select id={`${uid}-${f}`} data-field={f} value={form[f]} aria-invalid={errorFor(f).length > 0} onChange={(e) => set(f, e.target.value as PersonForm[F])}>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  );

  return (
    <aside className="inspector" aria-label="Inspector">
      <header className="inspector-head">
        <div>
          <h2>{displayName(person) || "Unnamed"}</h2>
          <p className="muted">
            {person.status === "open-position" ? "Open position" : person.title || "No title"}
            {props.manager && <> · reports to <button type="button" className="link" onClick={() => props.manager && props.onSelect(props.manager.id)}>{props.manager.name}</button></>}
          </p>
        </div>
        <button type="button" className="icon" onClick={props.onClose} aria-label="Close the inspector" title="Close">×</button>
      </header>

      <form ref={formRef} className="inspector-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
        {errors.length > 0 && (
          <div className="form-errors" role="alert">
            {errors.length === 1 ? "This change was not saved:" : `${errors.length} problems; nothing was saved:`}
            <ul>{errors.map((er, i) => <li key={i}><code>{er.code}</code> {er.message}</li>)}</ul>
          </div>
        )}
        <fieldset>
          <legend>Person</legend>
          {field("name", openPosition ? "Name (optional for an open position)" : "Name", text("name", openPosition ? "Unfilled" : "Full name"))}
          {field("title", openPosition ? "Role title" : "Title", text("title", "Job title"))}
          <div className="field-row">
            {field("discipline", "Discipline", select("discipline", DISCIPLINES))}
            {field("level", "Level", text("level", "e.g. L5"))}
          </div>
          {field("status", "Status", select("status", STATUSES))}
        </fieldset>
        <fieldset>
          <legend>Employment</legend>
          <div className="field-row">
            {field("employment", "Employment", select("employment", EMPLOYMENTS))}
            {field("employeeId", "Employee id", text("employeeId"))}
          </div>
          {field("email", "Email", text("email", "name@company.com", "email"))}
          <div className="field-row">
            {field("location", "Location", text("location", "City or remote"))}
            {field("startDate", "Start date", text("startDate", "YYYY-MM-DD"))}
          </div>
          <div className="field-row cost">
            {field("costAmount", "Annual cost", text("costAmount", "e.g. 85,000"))}
            {field("costCurrency", "Currency", text("costCurrency", "EUR"))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Plan</legend>
          {isHiring(form.status) && (
            <div className="field-row">
              {field("targetStart", "Target start", text("targetStart", "2027-Q1"), "A month, a quarter or a day")}
              {field("hiringStage", "Hiring stage", select("hiringStage", HIRING_STAGES))}
            </div>
          )}
          {field("endDate", "End date", text("endDate", "YYYY-MM-DD"), "The last working day of a leaver")}
        </fieldset>
        <fieldset>
          <legend>Custom fields</legend>
          {/* The document's fields and a choice field's choices are offered as the value is typed; the core checks the type. */}
          <datalist id={`${listId}-fields`}>{fields.fields.map((f) => <option key={f.name} value={f.name} />)}</datalist>
          {fields.fields.filter((f) => f.kind === "choice").map((f) => (
            <datalist key={f.name} id={`${listId}-choices-${f.name}`}>{(f.choices ?? []).map((c) => <option key={c.name} value={c.name} />)}</datalist>
          ))}
          {form.custom.map((row, i) => (
            <div className="custom-row" key={i}>
              <input aria-label="Field name" placeholder="Field" list={`${listId}-fields`} value={row.key} onChange={(e) => set("custom", form.custom.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))} />
              <input aria-label="Value" placeholder={fieldHint(fields, row.key)} list={`${listId}-choices-${row.key}`} value={row.value} onChange={(e) => set("custom", form.custom.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))} />
              <button type="button" className="icon" aria-label={`Remove ${row.key || "this field"}`} onClick={() => set("custom", form.custom.filter((_, j) => j !== i))}>×</button>
            </div>
          ))}
          {errorFor("custom").map((er, i) => <p key={i} className="field-error" role="alert"><code>{er.code}</code> {er.message}</p>)}
          <button type="button" className="small" onClick={() => set("custom", [...form.custom, { key: "", value: "" }])}>Add field</button>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!dirty || busy}>Apply</button>
          <button type="button" disabled={!dirty && errors.length === 0} onClick={revert}>Revert</button>
        </div>
      </form>

      {props.reporting}

      <section className="inspector-section" aria-label="Teams">
        <h3>Teams</h3>
        {props.teamEditing ? <PersonTeams person={person} {...props.teamEditing} /> : props.teams.length === 0 ? (
          <p className="muted">On no team.</p>
        ) : (
          <ul className="team-chips">
            {props.teams.map((t) => (
              <li key={t.unit.id} className="chip" title={`${ROLE_LABELS[t.membership.role] ?? t.membership.role}, ${t.membership.allocation}% of their time`}>
                <span className="swatch" style={{ background: t.colour }} />
                {t.unit.name}
                <span className="muted"> · {t.membership.allocation}%</span>
              </li>
            ))}
          </ul>
        )}
        {!props.teamEditing && <p className="muted small">Team membership is edited on the team map.</p>}
      </section>

      <EntityFindings kind="person" id={person.id} />

      <section className="inspector-section" aria-label="Reports">
        <h3>Reports</h3>
        <p className="muted">
          {props.directReports === 0 ? "No direct reports." : `${props.directReports.toLocaleString()} direct report${props.directReports === 1 ? "" : "s"}`}
          {props.collapse.state === "collapsed" && ` · folded, hiding ${props.collapse.hidden.toLocaleString()}`}
        </p>
        <div className="button-row">
          {props.collapse.state !== "leaf" && (
            <button type="button" onClick={props.onToggleCollapsed} title={`Fold or unfold everyone below (${props.shortcuts.toggle})`}>
              {props.collapse.state === "collapsed" ? "Expand" : "Collapse"}
            </button>
          )}
          <button type="button" onClick={props.onAddReport}>Add report</button>
          <button type="button" onClick={props.onAddOpenPosition}>Add open position</button>
        </div>
      </section>

      <section className="inspector-section danger">
        <button type="button" className="danger" onClick={props.onDelete} title={`Delete (${props.shortcuts.delete})`}>
          Delete {person.status === "open-position" && person.name.trim() === "" ? "open position" : "person"}…
        </button>
      </section>
    </aside>
  );
}

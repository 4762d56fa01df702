// Custom fields (toolbar, Settings, the command list): define a field (name, type, choices with colours, shown on
// cards) and remove one. Every change is an undoable op; a removal first says how many values go with it.
import { useEffect, useState } from "react";
import { commands, type Error as CoreError, type FieldChoice, type FieldDef, type FieldKind } from "../bindings";
import type { AppController } from "../app/controller";
import { fieldsDialog, useFields, useFieldsDialogOpen } from "./fieldsStore";
import { PALETTE } from "./colourBy";
import { MAX_CARD_FIELDS } from "./cardFields";
import "./fields.css";

const KINDS: { id: FieldKind; label: string }[] = [
  { id: "text", label: "Text" },
  { id: "number", label: "Number" },
  { id: "date", label: "Date" },
  { id: "choice", label: "Choice" },
  { id: "person", label: "Person" },
];

export function FieldsHost({ ctl, revision }: { ctl: AppController; revision: unknown }) {
  const open = useFieldsDialogOpen();
  if (!open) return null;
  return <FieldsDialog ctl={ctl} revision={revision} onClose={() => fieldsDialog.set(false)} />;
}

function FieldsDialog({ ctl, revision, onClose }: { ctl: AppController; revision: unknown; onClose: () => void }) {
  const fields = useFields(revision);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<FieldKind>("text");
  const [onCards, setOnCards] = useState(false);
  const [choices, setChoices] = useState<FieldChoice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ name: string; count: number } | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") onClose(); };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const apply = async (op: Parameters<AppController["applyOrRefusal"]>[0]): Promise<boolean> => {
    const refused: CoreError | null = await ctl.applyOrRefusal(op);
    setError(refused ? refused.message : null);
    return refused === null;
  };
  const add = async () => {
    const field: FieldDef = { name: name.trim(), kind, choices: kind === "choice" ? choices : [], on_cards: onCards };
    if (await apply({ op: "add-field", field })) {
      setName(""); setChoices([]); setOnCards(false); setKind("text");
    }
  };
  const askRemove = async (n: string) => {
    const r = await commands.fieldUsage(n);
    setRemoving({ name: n, count: r.status === "ok" ? r.data : 0 });
  };
  // Cards have room for one line of fields: at most two of them.
  const shownOnCards = fields.fields.filter((f) => f.on_cards).length;
  const toggleCards = (f: FieldDef) => void apply({ op: "update-field", name: f.name, field: { ...f, on_cards: !f.on_cards } });

  return (
    <div className="modal-backdrop">
      <div className="modal fields-dialog" role="dialog" aria-modal="true" aria-label="Custom fields">
        <h2>Custom fields</h2>
        {fields.fields.length > 0 ? (
          <table>
            <thead><tr><th>Field</th><th>Type</th><th>On cards</th><th /></tr></thead>
            <tbody>
              {fields.fields.map((f) => (
                <tr key={f.name}>
                  <td>
                    {f.name}
                    {(f.choices ?? []).map((c) => <span key={c.name} className="colour-swatch" title={c.name} style={{ background: c.colour, marginLeft: 4 }} />)}
                  </td>
                  <td>{KINDS.find((k) => k.id === f.kind)?.label}</td>
                  <td><input type="checkbox" aria-label={`Show ${f.name} on cards`} checked={f.on_cards} onChange={() => toggleCards(f)}
                    disabled={!f.on_cards && shownOnCards >= MAX_CARD_FIELDS}
                    title={!f.on_cards && shownOnCards >= MAX_CARD_FIELDS ? `Cards show ${MAX_CARD_FIELDS} fields at most: take one off first` : undefined} /></td>
                  <td><button type="button" onClick={() => void askRemove(f.name)}>Remove {f.name}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No custom fields yet. Define one below; it becomes a column of the sheet and a field of the inspector.</p>
        )}
        {removing && (
          <div role="alertdialog" aria-label="Remove field">
            <p>
              {removing.count === 0
                ? `Remove the field “${removing.name}”?`
                : `“${removing.name}” holds ${removing.count} value${removing.count === 1 ? "" : "s"} in this scenario; removing it clears them (Undo brings them back).`}
            </p>
            <button type="button" onClick={() => { const n = removing.name; setRemoving(null); void apply({ op: "remove-field", name: n }); }}>Remove</button>
            <button type="button" onClick={() => setRemoving(null)}>Keep it</button>
          </div>
        )}
        <fieldset>
          <legend>New field</legend>
          <label>Name <input aria-label="Field name" value={name} onChange={(e) => setName(e.target.value)} /></label>{" "}
          <label>Type{" "}
            <select aria-label="Field type" value={kind} onChange={(e) => setKind(e.target.value as FieldKind)}>
              {KINDS.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
            </select>
          </label>{" "}
          <label><input type="checkbox" checked={onCards} disabled={shownOnCards >= MAX_CARD_FIELDS} onChange={(e) => setOnCards(e.target.checked)} /> Show on cards</label>
          {kind === "choice" && (
            <div>
              {choices.map((c, i) => (
                <div className="choice-row" key={i}>
                  <input aria-label={`Choice ${i + 1}`} value={c.name} onChange={(e) => setChoices(choices.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
                  <input type="color" aria-label={`Colour of choice ${i + 1}`} value={c.colour} onChange={(e) => setChoices(choices.map((x, j) => (j === i ? { ...x, colour: e.target.value } : x)))} />
                  <button type="button" aria-label={`Remove choice ${i + 1}`} onClick={() => setChoices(choices.filter((_, j) => j !== i))}>×</button>
                </div>
              ))}
              <button type="button" onClick={() => setChoices([...choices, { name: "", colour: PALETTE[choices.length % PALETTE.length] as string }])}>Add choice</button>
            </div>
          )}
          <div><button type="button" className="primary" disabled={name.trim() === ""} onClick={() => void add()}>Add field</button></div>
        </fieldset>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>Done</button>
        </div>
      </div>
    </div>
  );
}

// File › New (Ctrl/Cmd+N, the native menu's item): asks whether to start from a blank org or from a copy of the
// sample, then for a file name in a save dialog that opens in the user's documents folder, and opens the new
// document. End-to-end tests preset the path (`__topographTest.presetSavePath`), as WebDriver cannot drive the
// native dialog.
import { useEffect, useId, useState } from "react";
import { commands, events, type NewTemplate } from "../bindings";
import { thisWindow } from "./thisWindow";
import { testHooks } from "./testHooks";

const listeners = new Set<() => void>();

/** Opens the dialog from the page (the "No document is open" screen), as the menu item does. */
export function requestNewDocument(): void {
  for (const f of listeners) f();
}

const CHOICES: readonly { value: NewTemplate; label: string; hint: string }[] = [
  { value: "blank", label: "Blank org", hint: "An empty page: add the first person, then build from there." },
  { value: "sample", label: "Copy of the sample", hint: "A product organisation of about a hundred people, teams and areas to explore or reshape." },
];

export function NewDocumentHost() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let off: (() => void) | undefined;
    let live = true;
    const show = () => setOpen(true);
    listeners.add(show);
    void events.newRequested(thisWindow()).listen(show).then((u) => { if (live) off = u; else u(); });
    return () => { live = false; off?.(); listeners.delete(show); };
  }, []);
  return open ? <NewDocumentDialog onClose={() => setOpen(false)} /> : null;
}

function NewDocumentDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const [template, setTemplate] = useState<NewTemplate>("blank");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    let path = testHooks.save?.takeSavePath() ?? null;
    if (path === null) {
      const chosen = await commands.chooseNewDocumentPath();
      if (chosen.status === "error") {
        setBusy(false);
        return setError(`${chosen.error.code}: ${chosen.error.message}`);
      }
      path = chosen.data;
    }
    if (path === null) return setBusy(false);
    const r = await commands.newDocumentFrom(path, template);
    setBusy(false);
    if (r.status === "error") setError(`${r.error.code}: ${r.error.message}`);
    else onClose();
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget && !busy) onClose(); }}>
      <div
        className="modal new-document-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}
        onKeyDown={(e) => { if (e.key === "Escape" && !busy) { e.stopPropagation(); onClose(); } }}
      >
        <h2 id={titleId}>New document</h2>
        {/* A form, so Enter on a choice creates the document as the Create… button does. */}
        <form onSubmit={(e) => { e.preventDefault(); if (!busy) void create(); }}>
        <fieldset className="new-document-choices" style={{ border: 0, padding: 0, margin: "8px 0" }}>
          <legend className="muted">Start from</legend>
          {CHOICES.map((c, i) => (
            <label key={c.value} style={{ display: "block", marginBottom: 8 }}>
              <input type="radio" name="template" value={c.value} checked={template === c.value} autoFocus={i === 0} onChange={() => setTemplate(c.value)} />{" "}
              <strong>{c.label}</strong>
              <br />
              <span className="muted">{c.hint}</span>
            </label>
          ))}
        </fieldset>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>Create…</button>
        </div>
        </form>
      </div>
    </div>
  );
}

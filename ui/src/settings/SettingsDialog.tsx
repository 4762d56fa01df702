// Settings… (File menu on Windows and Linux, the app menu on macOS; Ctrl/Cmd+,): the app's own settings in one
// dialog. Appearance is kept by the Rust side for every document; health thresholds belong to the open document.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { commands, events, type Appearance, type Error as CoreError, type PaintingSetting, type PaintingState } from "../bindings";
import { thisWindow } from "../app/thisWindow";
import type { AppController } from "../app/controller";
import { appearance } from "../appearance/window";
import { HealthSettingsDialog } from "../insights/HealthSettingsDialog";
import { paintingNow } from "./painting";
import { fieldsDialog } from "../fields/fieldsStore";
import "./settings.css";

const PAINTING: { id: PaintingSetting; label: string }[] = [
  { id: "automatic", label: "Choose from this machine" },
  { id: "cpu", label: "On the CPU" },
  { id: "gpu", label: "On the GPU" },
];

const CHOICES: { id: Appearance; label: string }[] = [
  { id: "system", label: "Match the system" },
  { id: "light", label: "Light" },
  { id: "dark", label: "Dark" },
];

/** Listens for Settings… and shows the dialog (or the document's health settings it leads to). */
export function SettingsHost({ ctl, hasDocument }: { ctl: AppController; hasDocument: boolean }) {
  const [open, setOpen] = useState<"settings" | "health" | null>(null);
  useEffect(() => {
    let off: (() => void) | undefined;
    let live = true;
    void events.settingsRequested(thisWindow()).listen(() => setOpen("settings")).then((u) => { if (live) off = u; else u(); });
    return () => { live = false; off?.(); };
  }, []);
  if (open === "health") return <HealthSettingsDialog onClose={() => setOpen(null)} onError={(e) => ctl.fail(e)} />;
  if (open !== "settings") return null;
  return (
    <SettingsDialog
      hasDocument={hasDocument}
      onHealth={() => setOpen("health")}
      onClose={() => setOpen(null)}
      onError={(e) => ctl.fail(e)}
    />
  );
}

const subscribe = (f: () => void) => appearance.subscribe(() => f());
const overrideNow = () => appearance.override;

function SettingsDialog({ hasDocument, onHealth, onClose, onError }: {
  hasDocument: boolean;
  onHealth: () => void;
  onClose: () => void;
  onError: (e: CoreError) => void;
}) {
  const fromStore = useSyncExternalStore(subscribe, overrideNow);
  const [chosen, setChosen] = useState<Appearance>(fromStore);
  useEffect(() => setChosen(fromStore), [fromStore]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") onClose(); };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  const [painting, setPainting] = useState<PaintingState | null>(null);
  useEffect(() => {
    let live = true;
    void commands.paintingState().then((p) => { if (live) setPainting(p); });
    return () => { live = false; };
  }, []);
  const choosePainting = async (setting: PaintingSetting) => {
    setPainting((p) => (p ? { ...p, setting } : p));
    const r = await commands.setPainting(setting);
    if (r.status === "error") onError(r.error);
  };
  const choose = async (a: Appearance) => {
    setChosen(a);
    const r = await commands.setAppearance(a);
    if (r.status === "error") onError(r.error);
  };
  // A dialog opened from the keyboard (Ctrl+,) takes the focus at its current choice, and Escape closes it.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector<HTMLElement>("input:checked, input, button")?.focus(), []);
  return (
    <div className="modal-backdrop">
      <div ref={box} className="modal settings" role="dialog" aria-modal="true" aria-label="Settings"
        onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); onClose(); } }}>
        <h2>Settings</h2>
        <fieldset>
          <legend>Appearance</legend>
          {CHOICES.map((c) => (
            <label key={c.id} className="settings-choice">
              <input type="radio" name="appearance" value={c.id} checked={chosen === c.id} onChange={() => void choose(c.id)} /> {c.label}
            </label>
          ))}
          <p className="muted">Also in View › Appearance. Exported diagrams stay on a light page.</p>
        </fieldset>
        {painting && paintingNow(painting) !== null && (
          <fieldset>
            <legend>Painting</legend>
            {PAINTING.map((c) => (
              <label key={c.id} className="settings-choice">
                <input type="radio" name="painting" value={c.id} checked={painting.setting === c.id} onChange={() => void choosePainting(c.id)} /> {c.label}
              </label>
            ))}
            <p className="muted">{paintingNow(painting)} A change applies when Topograph next starts.</p>
          </fieldset>
        )}
        <fieldset>
          <legend>Health checks</legend>
          <p className="muted">Thresholds are kept in each document, so whoever opens it sees the same findings.</p>
          <button type="button" disabled={!hasDocument} onClick={onHealth}>This document's thresholds…</button>
        </fieldset>
        <fieldset>
          <legend>Custom fields</legend>
          <p className="muted">Fields are kept in each document: text, number, date, choice with colours, person.</p>
          <button type="button" disabled={!hasDocument} onClick={() => { onClose(); fieldsDialog.set(true); }}>This document's fields…</button>
        </fieldset>
        <div className="modal-actions">
          <button type="button" className="primary" onClick={onClose}>Done</button>
        </div>
      </div>
    </div>
  );
}

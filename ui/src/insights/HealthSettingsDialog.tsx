// The health-check settings of the document: switch checks off, change thresholds, pick a span preset.
import { useEffect, useState } from "react";
import { commands, type CheckSettings, type Error as CoreError } from "../bindings";
import type { HealthSettings } from "../bindings";
import { applyThreshold, isEnabled, overrideOf, toggleCheck } from "./settingsForm";

export function HealthSettingsDialog({ onClose, onError }: { onClose: () => void; onError: (e: CoreError) => void }) {
  const [loaded, setLoaded] = useState<HealthSettings | null>(null);
  const [draft, setDraft] = useState<CheckSettings | null>(null);
  const [problem, setProblem] = useState<CoreError | null>(null);

  useEffect(() => {
    let live = true;
    void commands.healthSettings().then((r) => {
      if (!live) return;
      if (r.status === "ok") {
        setLoaded(r.data);
        setDraft(r.data.stored);
      } else {
        onError(r.error);
        onClose();
      }
    });
    return () => { live = false; };
  }, [onClose, onError]);

  if (!loaded || !draft) return null;

  const save = async () => {
    const r = await commands.setCheckSettings(draft);
    if (r.status === "ok") onClose();
    else setProblem(r.error);
  };

  return (
    <form className="modal health-settings" role="dialog" aria-modal="true" aria-label="Health check settings" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2>Health check settings</h2>
      <p className="muted">Stored in this document; saving is one step you can undo.</p>
      <label className="preset">
        Span of control preset{" "}
        <select value={draft.span_preset ?? ""} onChange={(e) => setDraft({ ...draft, span_preset: e.target.value || null })}>
          <option value="">Larson (ICs 4-8, managers 4-6)</option>
          {loaded.presets.map((p) => (
            <option key={p.id} value={p.id}>{p.label} ({p.min}{p.max === null ? "+" : `-${p.max}`})</option>
          ))}
        </select>
      </label>
      <div className="health-checks">
        {loaded.checks.map((c) => (
          <fieldset key={c.id} data-check={c.id}>
            <legend>
              <label>
                <input type="checkbox" checked={isEnabled(draft, c.id)} onChange={(e) => setDraft(toggleCheck(draft, c.id, e.target.checked))} /> {c.title}
              </label>
            </legend>
            <p className="muted">{c.why} <em>{c.source}</em></p>
            {c.thresholds.map((t) => {
              const stored = overrideOf(draft, c.id, t.name);
              return (
                <label key={t.name} className="threshold">
                  {t.label}{" "}
                  <input
                    type="number"
                    min={0}
                    step="any"
                    name={`${c.id}.${t.name}`}
                    value={stored ?? ""}
                    placeholder={t.value === null ? "no limit" : String(t.value)}
                    onChange={(e) => setDraft(applyThreshold(draft, c.id, t.name, e.target.value))}
                  />
                </label>
              );
            })}
          </fieldset>
        ))}
      </div>
      {problem && <p className="insights-error"><code>{problem.code}</code> {problem.message}</p>}
      <div className="modal-buttons">
        <button type="button" onClick={() => setDraft({ disabled: [], thresholds: {}, span_preset: null })}>Restore defaults</button>
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="submit">Save</button>
      </div>
    </form>
  );
}

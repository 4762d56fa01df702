// The scenario bar: the open scenario's name and a menu to switch, fork, rename, delete, promote and compare.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Scenario } from "../bindings";
import type { AppController } from "../app/controller";
import { ConfirmDialog } from "../inspector/ConfirmDialog";
import { ComparePanel } from "./ComparePanel";
import { NameDialog } from "./NameDialog";
import { ScenarioPalette } from "./ScenarioPalette";
import { forkAndOpen, promoteScenario, switchScenario } from "./scenarioCommands";
import { baselineOf, freshName } from "./scenarioModel";
import "./scenarios.css";

type Dialog = null | "menu" | "palette" | "fork" | "rename" | "delete" | "promote" | "compare";

export function ScenarioBar({ ctl }: { ctl: AppController }) {
  const { doc } = useSyncExternalStore(ctl.subscribe, ctl.snapshot);
  const [dialog, setDialog] = useState<Dialog>(null);
  const scenarios: readonly Scenario[] = doc?.scenarios ?? [];
  const current = scenarios.find((s) => s.id === doc?.active_scenario);
  const baseline = baselineOf(scenarios);

  // Ctrl/Cmd+K opens the palette from anywhere, like command palettes elsewhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setDialog("palette");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // The menu closes on a click anywhere else, like a native menu.
  const barRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (dialog !== "menu") return;
    const onDown = (e: MouseEvent) => {
      if (!barRef.current?.contains(e.target as Node)) setDialog(null);
    };
    window.addEventListener("mousedown", onDown);
    return () => window.removeEventListener("mousedown", onDown);
  }, [dialog]);

  if (!doc?.document || !current) return null;
  const close = () => setDialog(null);
  const go = (s: Scenario) => { close(); if (s.id !== current.id) void switchScenario(ctl, s.id); };

  return (
    <span className="scenario-bar" ref={barRef}>
      <button
        type="button"
        className="scenario-current"
        aria-haspopup="menu"
        aria-expanded={dialog === "menu"}
        title="Scenarios (Ctrl/Cmd+K to switch)"
        onClick={() => setDialog(dialog === "menu" ? null : "menu")}
      >
        {current.name}
        {current.id === baseline?.id ? "" : " (proposal)"} ▾
      </button>
      {dialog === "menu" && (
        <div className="scenario-menu" role="menu" onKeyDown={(e) => { if (e.key === "Escape") close(); }}>
          {scenarios.map((s) => (
            <button key={s.id} type="button" role="menuitemradio" aria-checked={s.id === current.id} onClick={() => go(s)}>
              {s.name}
              {s.id === baseline?.id && <span className="muted"> · baseline</span>}
              {s.archived && <span className="muted"> · archived</span>}
            </button>
          ))}
          <hr />
          <button type="button" role="menuitem" onClick={() => setDialog("fork")}>New scenario from “{current.name}”…</button>
          <button type="button" role="menuitem" onClick={() => setDialog("rename")}>Rename…</button>
          <button type="button" role="menuitem" disabled={scenarios.length < 2} onClick={() => setDialog("delete")}>Delete…</button>
          <button type="button" role="menuitem" disabled={current.id === baseline?.id} onClick={() => setDialog("promote")}>
            Promote to baseline…
          </button>
          <button type="button" role="menuitem" disabled={scenarios.length < 2} onClick={() => setDialog("compare")}>Compare…</button>
        </div>
      )}
      {dialog === "palette" && <ScenarioPalette scenarios={scenarios} active={current.id} onPick={go} onClose={close} />}
      {dialog === "fork" && (
        <NameDialog
          title={`New scenario from “${current.name}”`}
          initial={freshName(scenarios, "Proposal")}
          confirmLabel="Create"
          onCancel={close}
          onConfirm={(name) => {
            close();
            void forkAndOpen(ctl, current.id, name);
          }}
        />
      )}
      {dialog === "rename" && (
        <NameDialog
          title={`Rename “${current.name}”`}
          initial={current.name}
          confirmLabel="Rename"
          onCancel={close}
          onConfirm={(name) => {
            close();
            void ctl.apply({ op: "rename-scenario", id: current.id, name });
          }}
        />
      )}
      {dialog === "delete" && (
        <ConfirmDialog
          title={`Delete “${current.name}”?`}
          body={["Its people, teams, areas and layout go with it.", "Undo brings it back."]}
          confirmLabel="Delete scenario"
          onCancel={close}
          onConfirm={() => {
            close();
            void ctl.apply({ op: "delete-scenario", id: current.id });
          }}
        />
      )}
      {dialog === "promote" && baseline && (
        <ConfirmDialog
          title={`Make “${current.name}” the baseline?`}
          body={[
            `“${current.name}” becomes “${baseline.name}”.`,
            `The present “${baseline.name}” is kept as an archived scenario. Undo reverses both.`,
          ]}
          confirmLabel="Promote"
          onCancel={close}
          onConfirm={() => {
            close();
            void promoteScenario(ctl, current.id);
          }}
        />
      )}
      {dialog === "compare" && <ComparePanel ctl={ctl} scenarios={scenarios} onClose={close} />}
    </span>
  );
}

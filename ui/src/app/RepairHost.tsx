// Beside an error for a document that opening refused for breaking the model's rules (a loop, a reference to a
// missing record, an id out of range), offers "Open a repaired copy": the Rust side names the refused file and
// writes the copy beside it, then opens it; the original is never changed. The changes are listed afterwards.
import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { commands, type Error as CoreError } from "../bindings";
import type { AppController } from "./controller";
import { repairOfferFor } from "./repairOffer";

type Stage =
  | { kind: "offer"; path: string; message: string }
  | { kind: "working"; path: string; message: string }
  | { kind: "done"; path: string; changes: string[] }
  | { kind: "failed"; path: string; message: string; error: CoreError };

const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p;

export function RepairHost({ ctl }: { ctl: AppController }) {
  const { status } = useSyncExternalStore(ctl.subscribe, ctl.snapshot);
  const [stage, setStage] = useState<Stage | null>(null);
  const titleId = useId();
  useEffect(() => {
    if (status.kind !== "error" || status.code !== "corrupt") return;
    let live = true;
    void commands.repairOffer().then((r) => {
      const path = r.status === "ok" ? repairOfferFor(r.data, status.message) : null;
      if (live && path !== null) setStage({ kind: "offer", path, message: status.message });
    });
    return () => { live = false; };
  }, [status]);
  if (stage === null) return null;
  const close = () => setStage(null);
  const repair = async () => {
    if (stage.kind !== "offer" && stage.kind !== "failed") return;
    const message = stage.message;
    setStage({ kind: "working", path: stage.path, message });
    const r = await commands.openRepaired();
    if (r.status === "ok") {
      setStage({ kind: "done", path: r.data.path, changes: r.data.changes });
      ctl.info(`Opened ${fileName(r.data.path)}, a repaired copy (${r.data.changes.length} ${r.data.changes.length === 1 ? "change" : "changes"}).`);
    } else {
      setStage({ kind: "failed", path: stage.path, message, error: r.error });
    }
  };
  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget && stage.kind !== "working") close(); }}>
      <div
        className="modal repair-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}
        onKeyDown={(e) => { if (e.key === "Escape" && stage.kind !== "working") { e.stopPropagation(); close(); } }}
      >
        {stage.kind === "done" ? (
          <>
            <h2 id={titleId}>Opened a repaired copy</h2>
            <p>{fileName(stage.path)} is open. The original was not changed. What the repair changed:</p>
            <ul className="repair-changes" aria-label="Changes">
              {stage.changes.map((c, i) => <li key={i}>{c}</li>)}
            </ul>
            <div className="modal-actions"><button type="button" onClick={close} autoFocus>Close</button></div>
          </>
        ) : (
          <>
            <h2 id={titleId}>{fileName(stage.path)} cannot be opened</h2>
            <p className="muted">{stage.message}</p>
            <p>
              Topograph can write a repaired copy beside it and open that: loops are broken, references to missing
              records cleared, and the undo history left out. The original stays exactly as it is.
            </p>
            {stage.kind === "failed" && <p className="error" role="alert"><code>{stage.error.code}</code> {stage.error.message}</p>}
            <div className="modal-actions">
              <button type="button" onClick={close} disabled={stage.kind === "working"}>Not now</button>
              <button type="button" onClick={() => void repair()} disabled={stage.kind === "working"} autoFocus>
                {stage.kind === "working" ? "Repairing…" : "Open a repaired copy"}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

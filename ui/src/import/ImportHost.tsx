// Opens the import dialog when File › Import… has chosen a file (the ImportRequested event).
import { useEffect, useState } from "react";
import { events } from "../bindings";
import { ImportDialog } from "./ImportDialog";

export function ImportHost({ hasDocument }: { hasDocument: boolean }) {
  const [path, setPath] = useState<string | null>(null);
  useEffect(() => {
    let off: (() => void) | undefined;
    let live = true;
    void events.importRequested.listen((e) => setPath(e.payload.path)).then((u) => { if (live) off = u; else u(); });
    return () => { live = false; off?.(); };
  }, []);
  // A new file starts a fresh dialog (the key), so nothing of the previous import lingers.
  return path ? <ImportDialog key={path} path={path} hasDocument={hasDocument} onClose={() => setPath(null)} /> : null;
}

// Opens the export dialog on File › Export… (the ExportRequested event; the menu owns Ctrl/Cmd+E).
import { useEffect, useMemo, useRef, useState } from "react";
import { events, type View } from "../bindings";
import { thisWindow } from "../app/thisWindow";
import { createExportRegistry, type ExportActionContext } from "../actions/exportActions";
import { ExportDialog } from "./ExportDialog";
import { startView, type Selection } from "./exportModel";

export interface ExportHostProps {
  hasDocument: boolean;
  documentName: string | null;
  view: View;
  selection: Selection;
  /** The as-of date the views (and so the export) show the org on; null: today. */
  asOf: string | null;
  /** What the org chart is coloured by (null: its teams' own colours): the export starts from the same. */
  colourBy: string | null;
}

export function ExportHost(props: ExportHostProps) {
  const [open, setOpen] = useState<{ view: View; selection: Selection; colourBy: string | null } | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const ctx = (): ExportActionContext => ({
    hasDocument: latest.current.hasDocument,
    // The dialog starts from the view and selection of the moment it opened.
    openExport: () => setOpen((o) => o ?? { view: startView(latest.current.view), selection: latest.current.selection, colourBy: latest.current.colourBy }),
  });
  const registry = useMemo(createExportRegistry, []);
  useEffect(() => {
    let off: (() => void) | undefined;
    let live = true;
    void events.exportRequested(thisWindow()).listen(() => registry.run("export-diagram", ctx(), "menu"))
      .then((u) => { if (live) off = u; else u(); });
    return () => { live = false; off?.(); };
  }, [registry]);
  if (!open || !props.hasDocument) return null;
  return <ExportDialog documentName={props.documentName} view={open.view} selection={open.selection} colourBy={open.colourBy} asOf={props.asOf} onClose={() => setOpen(null)} />;
}

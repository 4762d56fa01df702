// Saved views of the sheet ("Designers in Berlin"): the rows, sort and filters under a name, kept in the document
// by the save-sheet-view and delete-sheet-view ops (undoable like any edit).
import { useState } from "react";
import type { Op, SheetMode, SheetView as SavedView } from "../bindings";
import type { Filter, FilterOp, SortKey } from "./sheetModel";

export interface SavedViewsProps {
  views: readonly SavedView[];
  current: { mode: SheetMode; sort: readonly SortKey[]; filters: readonly Filter[] };
  onOpen(view: { mode: SheetMode; sort: SortKey[]; filters: Filter[] }): void;
  apply(op: Op): Promise<boolean>;
}

/** A saved view as the sheet's state. */
export function openView(v: SavedView): { mode: SheetMode; sort: SortKey[]; filters: Filter[] } {
  return {
    mode: v.mode === "units" ? "units" : "people",
    sort: v.sort.map((s) => ({ key: s.key, desc: s.desc })),
    filters: v.filters.map((f) => ({ key: f.key, op: f.op as FilterOp, value: f.value })),
  };
}

/** The op saving the sheet's state under a name. */
export function saveOp(name: string, current: SavedViewsProps["current"]): Op {
  return { op: "save-sheet-view", view: { name: name.trim(), mode: current.mode, sort: current.sort.map((s) => ({ ...s })), filters: current.filters.map((f) => ({ ...f })) } };
}

export function SavedViews({ views, current, onOpen, apply }: SavedViewsProps) {
  const [chosen, setChosen] = useState("");
  const [name, setName] = useState("");
  return (
    <div className="sheet-views" role="group" aria-label="Saved views">
      <select aria-label="Saved view" value={chosen} onChange={(e) => {
        setChosen(e.target.value);
        const v = views.find((x) => x.name === e.target.value);
        if (v) { onOpen(openView(v)); setName(v.name); }
      }}>
        <option value="">Views…</option>
        {views.map((v) => <option key={v.name} value={v.name}>{v.name}</option>)}
      </select>
      <input aria-label="View name" placeholder="Name this view" size={14} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="button" disabled={name.trim() === ""} onClick={() => void apply(saveOp(name, current)).then((ok) => ok && setChosen(name.trim()))}>
        Save view
      </button>
      {chosen !== "" && (
        <button type="button" onClick={() => void apply({ op: "delete-sheet-view", name: chosen }).then((ok) => ok && setChosen(""))}>
          Delete view
        </button>
      )}
    </div>
  );
}

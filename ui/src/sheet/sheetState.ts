// What the sheet was showing (rows, order, filters, whether the chart highlights the filter), kept while another
// view is on screen so the filter that highlights the chart's cards stays what the sheet shows.
import type { SheetMode } from "../bindings";
import type { Filter, SortKey } from "./sheetModel";

export interface SheetState {
  mode: SheetMode;
  sort: SortKey[];
  filters: Filter[];
  highlight: boolean;
}

let kept: SheetState = { mode: "people", sort: [], filters: [], highlight: true };

export const sheetState = {
  get: (): SheetState => kept,
  set(patch: Partial<SheetState>): void {
    kept = { ...kept, ...patch };
  },
};

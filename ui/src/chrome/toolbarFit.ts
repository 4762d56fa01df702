// Which toolbar groups fit the window: the rest fold into the overflow menu ("More"), least needed first.

export interface ToolbarGroupSize {
  id: string;
  /** Measured width, CSS px. */
  width: number;
  /** Lower folds first. */
  priority: number;
}

export interface ToolbarRoom {
  /** The toolbar's inner width. */
  available: number;
  /** What never folds (name, view tabs, scenario switcher, search), gaps included. */
  fixed: number;
  /** Gap between two items. */
  gap: number;
  /** The "More" button, shown once anything folds. */
  more: number;
}

/** The ids that fold into the overflow menu, in toolbar order; empty when everything fits. */
export function foldedGroups(groups: readonly ToolbarGroupSize[], room: ToolbarRoom): string[] {
  const widthOf = (g: ToolbarGroupSize) => g.width + room.gap;
  let used = room.fixed + groups.reduce((n, g) => n + widthOf(g), 0);
  if (used <= room.available) return [];
  used += room.more + room.gap;
  const folded = new Set<string>();
  // Stable: equal priorities fold from the end of the toolbar.
  const order = groups.map((g, i) => ({ g, i })).sort((a, b) => a.g.priority - b.g.priority || b.i - a.i);
  for (const { g } of order) {
    if (used <= room.available) break;
    folded.add(g.id);
    used -= widthOf(g);
  }
  // A wide group folded late may have freed room for a narrower, less needed one folded before it.
  for (const { g } of [...order].reverse()) {
    if (folded.has(g.id) && used + widthOf(g) <= room.available) {
      folded.delete(g.id);
      used += widthOf(g);
    }
  }
  return groups.filter((g) => folded.has(g.id)).map((g) => g.id);
}

/** A document name short enough for the toolbar (the whole name is its tooltip). */
export function shortName(name: string, max = 28): string {
  const chars = Array.from(name);
  return chars.length <= max ? name : chars.slice(0, max - 1).join("").trimEnd() + "\u2026";
}

// Per-card style flags precomputed from content, so zoomed-out frames (up to 100k blocks) never call the content provider.
import type { CardContentProvider, ChartScene } from "./scene";

export const FLAG_OPEN = 1;
export const FLAG_COLLAPSED = 2;

export interface StyleTable {
  flags: Uint8Array;
  /** Index into `palette` of the card's first team colour; 0 = no team (palette[0] is the theme's block fill). */
  colour: Uint16Array;
  palette: string[];
}

export function buildStyleTable(scene: ChartScene, content: CardContentProvider, noTeamColour: string): StyleTable {
  const n = scene.ids.length;
  const flags = new Uint8Array(n);
  const colour = new Uint16Array(n);
  const palette = [noTeamColour];
  const paletteIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = content.get(scene.ids[i] as number);
    if (!c) continue;
    flags[i] = (c.isOpenPosition ? FLAG_OPEN : 0) | (c.collapsedCount > 0 ? FLAG_COLLAPSED : 0);
    const team = c.teamColours[0];
    if (team === undefined) continue;
    let k = paletteIndex.get(team);
    if (k === undefined) {
      // Uint16 indices: past 65k distinct colours the rest share the neutral fill, which no real org reaches.
      k = palette.length < 0xffff ? palette.push(team) - 1 : 0;
      paletteIndex.set(team, k);
    }
    colour[i] = k;
  }
  return { flags, colour, palette };
}

/**
 * Reorders `items` (card indices) into `out` grouped by palette colour (counting sort, O(n + colours)), so each
 * colour is one fill call. Returns per-colour start offsets into `out` (length palette.length + 1).
 */
export function groupByColour(items: Uint32Array, table: StyleTable, out: Uint32Array, starts: Uint32Array): Uint32Array {
  const p = table.palette.length;
  const s = starts.length >= p + 1 ? starts.subarray(0, p + 1) : new Uint32Array(p + 1);
  s.fill(0);
  for (let k = 0; k < items.length; k++) {
    const ci = table.colour[items[k] as number] as number;
    s[ci + 1] = (s[ci + 1] as number) + 1;
  }
  for (let c = 0; c < p; c++) s[c + 1] = (s[c + 1] as number) + (s[c] as number);
  const fill = s.slice(0, p);
  for (let k = 0; k < items.length; k++) {
    const i = items[k] as number;
    const ci = table.colour[i] as number;
    out[fill[ci] as number] = i;
    fill[ci] = (fill[ci] as number) + 1;
  }
  return s;
}

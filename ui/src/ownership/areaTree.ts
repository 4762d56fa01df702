// Reading the area tree of an ownership scene: subtrees, the "only unowned" filter, and lookups by id.
import type { OwnershipScene } from "./sceneTypes";

/** Scene row index of every area id and team id (the scene's lists are the only order the UI needs). */
export interface SceneIndex {
  area: Map<number, number>;
  team: Map<number, number>;
}

export function indexScene(scene: OwnershipScene): SceneIndex {
  return {
    area: new Map(scene.areas.map((id, i) => [id, i])),
    team: new Map(scene.teams.map((id, i) => [id, i])),
  };
}

/**
 * Row indices of the subtree rooted at row `i`, the root included. The scene lists areas in pre-order with
 * their depth, so a subtree is the run of rows after its root that are deeper than it.
 */
export function subtreeRows(scene: OwnershipScene, i: number): number[] {
  const c = scene.area_content;
  const root = c[i];
  if (!root) return [];
  const rows = [i];
  for (let k = i + 1; k < c.length && (c[k] as { depth: number }).depth > root.depth; k++) rows.push(k);
  return rows;
}

/** Leaf area rows under row `i` (itself when it is a leaf); with `onlyUnowned`, only those without an owner. */
export function leafRowsUnder(scene: OwnershipScene, i: number, onlyUnowned = false): number[] {
  return subtreeRows(scene, i).filter((k) => {
    const c = scene.area_content[k];
    return !!c && c.isLeaf && (!onlyUnowned || c.unowned);
  });
}

/**
 * The area rows the tree shows. Everything, or with `onlyUnowned` the unowned leaves plus the areas above them,
 * so each stays in its place in the tree (the parents are context, drawn muted). Pre-order is kept.
 */
export function visibleAreaRows(scene: OwnershipScene, onlyUnowned: boolean): number[] {
  const c = scene.area_content;
  if (!onlyUnowned) return c.map((_, i) => i);
  const keep = new Uint8Array(c.length);
  const index = new Map(scene.areas.map((id, i) => [id, i]));
  for (let i = 0; i < c.length; i++) {
    if (!c[i]?.unowned) continue;
    // Mark the leaf and walk up until an ancestor is already marked (shared ancestors are walked once).
    for (let k: number | undefined = i; k !== undefined && !keep[k]; ) {
      keep[k] = 1;
      const parent: number | null | undefined = c[k]?.parent;
      k = parent === null || parent === undefined ? undefined : index.get(parent);
    }
  }
  const rows: number[] = [];
  for (let i = 0; i < c.length; i++) if (keep[i]) rows.push(i);
  return rows;
}

export function unownedLeafCount(scene: OwnershipScene): number {
  let n = 0;
  for (const c of scene.area_content) if (c.unowned) n++;
  return n;
}

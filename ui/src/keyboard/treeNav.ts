// Arrow-key moves over the cards on screen: up to the manager, down to the first report, left/right along a row.
// Built from the scene's card order, which is the layout's: breadth-first per tree, reports in drawing order.

export type Direction = "up" | "down" | "left" | "right";

export class TreeNav {
  private readonly ids: ArrayLike<number>;
  private readonly index = new Map<number, number>();
  /** Card index of each card's manager card, -1 for the top of a tree. */
  private readonly parent: Int32Array;
  /** Card index of each card's first report on screen, -1 for none (a leaf or a collapsed card). */
  private readonly firstChild: Int32Array;
  /** Each card's row (depth) and its place in that row, so left/right go on past the last sibling to cousins. */
  private readonly depth: Int32Array;
  private readonly rowPos: Int32Array;
  private readonly rows: number[][] = [];

  /**
   * `ids` in scene order; `managerOf` gives a person's solid-line manager. A manager that has no card (not in the
   * scene) makes the card the top of its own tree here, as the layout does.
   */
  constructor(ids: ArrayLike<number>, managerOf: (id: number) => number | null | undefined) {
    const n = ids.length;
    this.ids = ids;
    for (let i = 0; i < n; i++) this.index.set(ids[i] as number, i);
    this.parent = new Int32Array(n).fill(-1);
    this.firstChild = new Int32Array(n).fill(-1);
    this.depth = new Int32Array(n);
    this.rowPos = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const m = managerOf(ids[i] as number);
      const p = m === null || m === undefined ? undefined : this.index.get(m);
      if (p !== undefined && p !== i) this.parent[i] = p;
    }
    // Depth by walking up to a card whose depth is known; breadth-first order makes that one step, but any order works.
    this.depth.fill(-1);
    const path: number[] = [];
    for (let i = 0; i < n; i++) {
      let j = i;
      while (j >= 0 && (this.depth[j] as number) === -1) {
        this.depth[j] = -2; // on the current path: reaching it again means a loop, which ends the walk
        path.push(j);
        j = this.parent[j] as number;
      }
      let d = j >= 0 && (this.depth[j] as number) >= 0 ? (this.depth[j] as number) : -1;
      while (path.length) this.depth[path.pop() as number] = ++d;
    }
    for (let i = 0; i < n; i++) {
      const p = this.parent[i] as number;
      if (p >= 0 && (this.firstChild[p] as number) < 0) this.firstChild[p] = i;
      const d = this.depth[i] as number;
      const row = this.rows[d] ?? (this.rows[d] = []);
      this.rowPos[i] = row.length;
      row.push(i);
    }
  }

  has(id: number): boolean {
    return this.index.has(id);
  }

  /** The card to select after pressing an arrow on `id`; null when there is none that way (or `id` has no card). */
  move(id: number, dir: Direction): number | null {
    const i = this.index.get(id);
    if (i === undefined) return null;
    let j = -1;
    switch (dir) {
      case "up": j = this.parent[i] as number; break;
      case "down": j = this.firstChild[i] as number; break;
      case "left":
      case "right": {
        const row = this.rows[this.depth[i] as number] as number[];
        const k = (this.rowPos[i] as number) + (dir === "left" ? -1 : 1);
        j = k >= 0 && k < row.length ? (row[k] as number) : -1;
        break;
      }
    }
    return j < 0 ? null : (this.ids[j] as number);
  }

  /** Where arrow keys start when nothing is selected: the top of the first tree. */
  first(): number | null {
    return this.ids.length === 0 ? null : (this.ids[0] as number);
  }
}

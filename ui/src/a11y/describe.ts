// What the live region says about the item the keyboard is on: the canvases draw cards, chips and areas with no DOM
// element each, so these sentences are how a screen reader learns what is focused and where it sits.

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export interface PersonFacts {
  name: string;
  title: string;
  /** The manager's display name; null at the top of the org. */
  manager: string | null;
  directReports: number;
  isOpenPosition?: boolean;
  /** Reports folded into the card (not on screen). */
  folded?: number;
}

/** "Dana Lee, Engineering Manager, reports to Ada Park, 6 direct reports". */
export function describePerson(p: PersonFacts): string {
  const parts: string[] = [];
  const name = p.name.trim();
  if (p.isOpenPosition) parts.push(name === "" ? `Open position: ${p.title}` : `${name}, open position`);
  else parts.push(name === "" ? "Unnamed person" : name);
  if (p.title.trim() !== "" && !(p.isOpenPosition && name === "")) parts.push(p.title.trim());
  parts.push(p.manager === null ? "top of the org" : `reports to ${p.manager}`);
  parts.push(p.directReports === 0 ? "no direct reports" : count(p.directReports, "direct report", "direct reports"));
  if (p.folded) parts.push(`${count(p.folded, "person", "people")} folded`);
  return parts.join(", ");
}

export interface UnitFacts {
  name: string;
  /** Team Topologies type, or "group". */
  kind: string;
  /** The group it sits in; null at the top level. */
  parent: string | null;
  headcount: number;
  openPositions: number;
  childUnits: number;
}

const KIND_WORDS: Record<string, string> = {
  "stream-aligned": "stream-aligned team",
  platform: "platform team",
  enabling: "enabling team",
  "complicated-subsystem": "complicated-subsystem team",
  group: "group",
};

/** "Payments, stream-aligned team, in Commerce, 5 people, 1 open position". */
export function describeUnit(u: UnitFacts): string {
  const parts = [u.name.trim() === "" ? "Unnamed unit" : u.name.trim(), KIND_WORDS[u.kind] ?? u.kind];
  if (u.parent !== null) parts.push(`in ${u.parent}`);
  if (u.childUnits > 0) parts.push(count(u.childUnits, "unit", "units"));
  parts.push(count(u.headcount, "person", "people"));
  if (u.openPositions > 0) parts.push(count(u.openPositions, "open position", "open positions"));
  return parts.join(", ");
}

/** A person's chip on a team: "Dana Lee, Engineering Manager, on Payments, 50%". */
export function describeChip(c: { name: string; title: string; unit: string; allocation: number; isOpenPosition: boolean }): string {
  const parts = [c.name.trim() === "" ? "Unnamed person" : c.name.trim()];
  if (c.isOpenPosition) parts.push("open position");
  if (c.title.trim() !== "" && c.title.trim() !== c.name.trim()) parts.push(c.title.trim());
  parts.push(`on ${c.unit}`);
  if (c.allocation !== 100) parts.push(`${c.allocation}%`);
  return parts.join(", ");
}

export interface AreaFacts {
  name: string;
  /** The parent area's name; null at the top level. */
  parent: string | null;
  owner: string | null;
  contributors: number;
  subAreas: number;
  /** Leaf areas nobody owns are findings. */
  unowned: boolean;
}

/** "Checkout, in Commerce, owned by Payments, 2 contributing teams". */
export function describeArea(a: AreaFacts): string {
  const parts = [a.name.trim() === "" ? "Unnamed area" : a.name.trim()];
  if (a.parent !== null) parts.push(`in ${a.parent}`);
  if (a.subAreas > 0) parts.push(count(a.subAreas, "sub-area", "sub-areas"));
  parts.push(a.owner === null ? (a.unowned ? "no owner" : "not owned") : `owned by ${a.owner}`);
  if (a.contributors > 0) parts.push(count(a.contributors, "contributing team", "contributing teams"));
  return parts.join(", ");
}

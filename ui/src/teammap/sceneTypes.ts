// The team map scene as the Rust side hands it over (crate topograph-scene, command `team_map_scene`).
//
// Mirrors the contract until the generated bindings carry the type; then this file re-exports them.
import type { InteractionMode, SceneRect, TeamRole, UnitKind } from "../bindings";

export interface UnitContent {
  name: string;
  kind: UnitKind;
  parent: number | null;
  /** 0 for top-level units. */
  depth: number;
  /** "#rrggbb": the unit's own, else a stable fallback by kind. */
  colour: string;
  /** Allocation-weighted members, open positions excluded. */
  fte: number;
  headcount: number;
  openPositions: number;
  targetSize: number | null;
  /** The user's placement decided x/y. */
  placed: boolean;
  /** A collapsed group: drawn as one box with counts, its children hidden. */
  collapsed: boolean;
  hiddenUnits: number;
}

export interface ChipContent {
  /** The person's name, or the role title of an unnamed open position. */
  name: string;
  title: string;
  isOpenPosition: boolean;
  /** Percent on this unit. */
  allocation: number;
  role: TeamRole;
  /** Units the person sits on in total; more than one shows the allocation. */
  teamCount: number;
}

export interface SceneInteraction {
  id: number;
  from: number;
  to: number;
  mode: InteractionMode;
  /** Flat polyline between the two boxes' edges. */
  points: number[];
}

/** Units in draw order (every parent before its children); one chip per membership. */
export interface TeamMapScene {
  units: number[];
  x: number[];
  y: number[];
  w: number[];
  h: number[];
  unit_content: UnitContent[];
  chip_person: number[];
  chip_unit: number[];
  chip_x: number[];
  chip_y: number[];
  chip_w: number[];
  chip_h: number[];
  chip_content: ChipContent[];
  interactions: SceneInteraction[];
  bounds: SceneRect;
}

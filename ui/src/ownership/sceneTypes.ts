// The ownership scene as the Rust side hands it over (crate topograph-scene, command `ownership_scene`).
//
// Mirrors the contract until the generated bindings carry the type; then this file re-exports them.
import type { Complexity, UnitKind } from "../bindings";
import type { Rect } from "../canvas/scene";

export interface AreaContent {
  name: string;
  parent: number | null;
  depth: number;
  complexity: Complexity;
  userFacing: boolean;
  isLeaf: boolean;
  owner: number | null;
  contributors: number[];
  /** A leaf area with no owner (highlighted). */
  unowned: boolean;
}

export interface TeamLoad {
  name: string;
  kind: UnitKind;
  colour: string;
  owned: number[];
  contributes: number[];
  /** Sum of the cognitive-load weights of the owned leaf areas. */
  load: number;
  budget: number;
  overBudget: boolean;
}

export interface OwnershipLink {
  area: number;
  unit: number;
  contributor: boolean;
  points: number[];
}

export interface OwnershipScene {
  areas: number[];
  area_x: number[];
  area_y: number[];
  area_w: number[];
  area_h: number[];
  area_content: AreaContent[];
  teams: number[];
  team_x: number[];
  team_y: number[];
  team_w: number[];
  team_h: number[];
  team_content: TeamLoad[];
  links: OwnershipLink[];
  bounds: Rect;
}

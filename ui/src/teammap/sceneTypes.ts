// The team map scene as the Rust side hands it over (crate topograph-scene, command `team_map_scene`): the
// generated bindings' types, named here so the team map's modules import them from one place.
export type { ChipContent, SceneInteraction, TeamMapScene, UnitContent } from "../bindings";

// The ownership scene as the Rust side hands it over (crate topograph-scene, command `ownership_scene`).
export type { AreaContent, OwnershipLink, OwnershipScene, TeamLoad } from "../bindings";

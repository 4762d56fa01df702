// The Team Topologies visual language of the team map (the Team Shape Templates): one fill, stroke and shape per
// unit kind and one style per interaction mode. The SVG exporter draws with the same values
// (topograph_scene::style in Rust), whose test checks this file kind by kind.
import type { InteractionMode, UnitKind } from "../bindings";

export type UnitShape = "wide-rounded" | "wide-rect" | "tall-rounded" | "octagon" | "boundary";

export interface KindStyle {
  fill: string | null;
  stroke: string;
  shape: UnitShape;
  /** Dashed outline (groups are boundaries, not boxes). */
  dashed: boolean;
  label: string;
}

export const KIND_STYLES: Readonly<Record<UnitKind, KindStyle>> = {
  "stream-aligned": { fill: "#ffedb8", stroke: "#e8b600", shape: "wide-rounded", dashed: false, label: "Stream-aligned" },
  platform: { fill: "#d6e8f7", stroke: "#5b9bd5", shape: "wide-rect", dashed: false, label: "Platform" },
  enabling: { fill: "#e6d9f2", stroke: "#8e6bbf", shape: "tall-rounded", dashed: false, label: "Enabling" },
  "complicated-subsystem": { fill: "#fbdcc4", stroke: "#e07b39", shape: "octagon", dashed: false, label: "Complicated subsystem" },
  group: { fill: null, stroke: "#8a8f98", shape: "boundary", dashed: true, label: "Group" },
};

export const UNIT_KINDS: readonly UnitKind[] = ["stream-aligned", "platform", "enabling", "complicated-subsystem", "group"];

export interface ModeStyle {
  colour: string;
  label: string;
  /** collaboration: a hatched band; x-as-a-service: a bracketed arrow provider → consumer; facilitating: dots. */
  draw: "hatched-band" | "bracket-arrow" | "dotted-circles";
}

export const MODE_STYLES: Readonly<Record<InteractionMode, ModeStyle>> = {
  collaboration: { colour: "#8e6bbf", label: "Collaboration", draw: "hatched-band" },
  "x-as-a-service": { colour: "#4a4f57", label: "X-as-a-Service", draw: "bracket-arrow" },
  facilitating: { colour: "#3f9b5a", label: "Facilitating", draw: "dotted-circles" },
};

export const INTERACTION_MODES: readonly InteractionMode[] = ["collaboration", "x-as-a-service", "facilitating"];

/** Chips: people inside their teams; open positions dashed. */
export const CHIP_STYLE = {
  fill: "#ffffff",
  stroke: "#9aa1ad",
  openStroke: "#7d8590",
  text: "#1f2329",
  muted: "#5f6672",
  selected: "#2f6fde",
  dropOk: "#2f9e44",
  dropRefused: "#c92a2a",
  lasso: "#2f6fde",
} as const;

// The canvas colours for a dark window. Exports never use these: the exporter draws on a light page.
import { DEFAULT_THEME, type Theme } from "../canvas/theme";

export const DARK_THEME: Theme = {
  ...DEFAULT_THEME,
  background: "#15181e",
  cardFill: "#22262e",
  cardStroke: "#3a404c",
  openFill: "#1b1f26",
  openStroke: "#6b7484",
  blockFill: "#4a5261",
  connector: "#5b6475",
  dottedConnector: "#9b8ff0",
  nameColour: "#e6e9ef",
  titleColour: "#a3abb9",
  mutedColour: "#7c8596",
  selected: "#5b8def",
  searchHitFill: "#4a3b12",
  searchHitStroke: "#f0a030",
  searchChainStroke: "#c99a3f",
  dropOk: "#22c55e",
  dropOkFill: "rgba(34,197,94,0.16)",
  dropBad: "#ef4444",
  dropBadFill: "rgba(239,68,68,0.16)",
  tooltipFill: "rgba(230,233,239,0.95)",
  tooltipText: "#15181e",
};

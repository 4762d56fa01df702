// What the org chart's marks mean, as data: the app's legend panel draws it. The entries an export draws are the
// exporter's legend too (crates/export/src/legend.rs); legend.test.ts checks them against its fixture.
import { BADGE_FILL } from "./badges";
import { DEFAULT_THEME, type Theme } from "./theme";

export type LegendMark =
  | { kind: "accent"; colour: string }
  | { kind: "card"; stroke: string; fill: string; dashed: boolean }
  | { kind: "badge"; fill: string; text: string }
  | { kind: "tag"; text: string }
  | { kind: "line"; colour: string; dashed: boolean }
  | { kind: "stub"; colour: string }
  | { kind: "outline"; colour: string; fill?: string };

export interface LegendEntry {
  mark: LegendMark;
  label: string;
}

export interface LegendSection {
  title: string;
  entries: LegendEntry[];
}

/** The legend of the org chart, in the colours the canvas draws with. */
export function chartLegend(theme: Theme = DEFAULT_THEME): LegendSection[] {
  return [
    {
      title: "Cards",
      entries: [
        { mark: { kind: "accent", colour: "#2f6fde" }, label: "Bar and dots: the person's teams, in each team's colour" },
        { mark: { kind: "card", stroke: theme.openStroke, fill: theme.openFill, dashed: true }, label: "Dashed card, “Open” tag: an open position" },
        { mark: { kind: "tag", text: "+12" }, label: "Reports folded into the card" },
        { mark: { kind: "badge", fill: BADGE_FILL, text: "2" }, label: "Health findings about the person (see Insights)" },
      ],
    },
    {
      title: "Lines",
      entries: [
        { mark: { kind: "line", colour: theme.connector, dashed: false }, label: "Reports to (solid line)" },
        { mark: { kind: "line", colour: theme.dottedConnector, dashed: true }, label: "Dotted-line manager" },
        { mark: { kind: "stub", colour: theme.dottedConnector }, label: "“dotted to”: a dotted line to someone far away" },
      ],
    },
    {
      title: "Highlights",
      entries: [
        { mark: { kind: "outline", colour: theme.selected }, label: "Selected" },
        { mark: { kind: "outline", colour: theme.searchHitStroke, fill: theme.searchHitFill }, label: "Search result" },
        { mark: { kind: "outline", colour: theme.searchChainStroke }, label: "Managers above a search result" },
      ],
    },
  ];
}

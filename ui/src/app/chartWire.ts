// The org chart as the back end sends it (columns, crates/scene/src/wire.rs) turned back into the scene the UI draws.
import type { CardContent, OrgChartScene, OrgChartWire, SceneConnector } from "../bindings";

/** Rebuilds the chart's cards and lines from their columns; cards sharing a colour set share its list. */
export function sceneFromWire(w: OrgChartWire): OrgChartScene {
  const n = w.ids.length;
  if (w.names.length !== n || w.titleOf.length !== n || w.coloursOf.length !== n) {
    throw new Error(`the chart's card columns do not match its ${n} cards`);
  }
  const open = new Uint8Array(n);
  for (const i of w.openPositions) open[i] = 1;
  const hidden = new Uint32Array(n);
  w.collapsedCards.forEach((i, k) => { hidden[i] = w.collapsedCounts[k] ?? 0; });
  const cards: CardContent[] = new Array<CardContent>(n);
  for (let i = 0; i < n; i++) {
    cards[i] = {
      name: w.names[i] as string,
      title: w.titles[w.titleOf[i] as number] ?? "",
      isOpenPosition: open[i] === 1,
      collapsedCount: hidden[i] as number,
      teamColours: w.colourSets[w.coloursOf[i] as number] ?? [],
    };
  }

  const lines = w.lineFrom.length;
  const dotted = new Uint8Array(lines);
  for (const j of w.dottedLines) dotted[j] = 1;
  const connectors: SceneConnector[] = new Array<SceneConnector>(lines);
  let at = 0;
  for (let j = 0; j < lines; j++) {
    const len = w.lineLengths[j] as number;
    connectors[j] = { from: w.lineFrom[j] as number, to: w.lineTo[j] as number, points: w.linePoints.slice(at, at + len), dotted: dotted[j] === 1 };
    at += len;
  }
  if (at !== w.linePoints.length) throw new Error(`the chart's lines take ${at} of its ${w.linePoints.length} coordinates`);

  return { ids: w.ids, x: w.x, y: w.y, w: w.w, h: w.h, connectors, bounds: w.bounds, cards, stubs: w.stubs };
}

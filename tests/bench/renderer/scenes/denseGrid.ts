// Worst-case density bench scene: cards packed in a square grid (every screenful full of text), each linked to the card above.
import type { Connector } from "../../../../ui/src/canvas/scene";
import { CARD_H, CARD_W, generateOrg, orgContent } from "../../../../ui/src/testing/demo/syntheticScene";
import type { BenchScene } from "../pages/types";

export function createBenchScene(cards: number): BenchScene {
  const org = generateOrg(cards, { seed: 42 });
  const cols = Math.ceil(Math.sqrt(cards * 2));
  const gx = CARD_W + 24, gy = CARD_H + 36;
  const ids = new Uint32Array(cards), x = new Float64Array(cards), y = new Float64Array(cards);
  const connectors: Connector[] = [];
  const edges: [number, number][] = [];
  for (let i = 0; i < cards; i++) {
    ids[i] = i + 1;
    x[i] = (i % cols) * gx;
    y[i] = Math.floor(i / cols) * gy;
    if (i >= cols) {
      connectors.push({ points: [(x[i] as number) + CARD_W / 2, (y[i] as number) - 36, (x[i] as number) + CARD_W / 2, y[i] as number], dotted: false });
      edges.push([i - cols + 1, i + 1]);
    }
  }
  const rows = Math.ceil(cards / cols);
  return {
    scene: { ids, x, y, w: new Float64Array(cards).fill(CARD_W), h: new Float64Array(cards).fill(CARD_H), connectors, bounds: { x: 0, y: 0, w: cols * gx - 24, h: rows * gy - 36 } },
    content: orgContent(org),
    edges,
    dottedFrom: edges.length,
  };
}

// Default bench scene: the dev synthetic org, fully expanded. Other scenes (e.g. the team map) export the same function.
import { syntheticScene } from "../../../../ui/src/testing/demo/syntheticScene";
import type { BenchScene } from "../pages/types";

export function createBenchScene(cards: number): BenchScene {
  const { org, scene, content } = syntheticScene(cards, { seed: 42 });
  const edges: [number, number][] = [];
  for (let i = 0; i < org.parent.length; i++) {
    const p = org.parent[i] as number;
    if (p >= 0) edges.push([p + 1, i + 1]);
  }
  for (const [a, b] of org.dotted) edges.push([a + 1, b + 1]);
  return { scene, content, edges, dottedFrom: org.parent.length - 1 };
}

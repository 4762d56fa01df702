// The seams where a build made for tests attaches the end-to-end accessor (testing/e2e.ts, loaded by main.tsx only
// in `vite build --mode e2e`). In the product every slot stays null, so these calls do nothing and no test code is
// bundled: production modules never import from a testing/ folder (testing/imports.test.ts checks).
import type { EffortScene } from "../bindings";
import type { ChartRenderer, FrameStats } from "../canvas/renderer";
import type { OwnershipRenderer } from "../ownership/ownershipRenderer";
import type { TeamMapRenderer } from "../teammap/renderer";
import type { AppController } from "./controller";

export interface TestHooks {
  chart: { attach(r: ChartRenderer, c: HTMLCanvasElement): () => void; frame(stats: FrameStats): void } | null;
  app: { attach(ctl: AppController): () => void } | null;
  ownership: { attachMap(r: OwnershipRenderer, c: HTMLCanvasElement): () => void } | null;
  teamMap: { attach(r: TeamMapRenderer, c: HTMLCanvasElement): () => void; frame(stats: FrameStats): void } | null;
  /** The "where the people go" view reports each scene it draws. */
  effort: { drawn(scene: EffortScene, c: HTMLCanvasElement): void } | null;
  /** A save path preset by the test in place of the native save dialog (which WebDriver cannot drive), used once. */
  save: { takeSavePath(): string | null } | null;
  /** The import host's way to open its dialog on a path. */
  import: { attach(show: (path: string) => void): () => void } | null;
  /** The export dialog reports each preview page it shows (the SVG it draws through a blob URL, which the test cannot read). */
  exportPreview: { shown(svg: string, page: number, pages: number): void } | null;
  /** The back end's today, YYYY-MM-DD, when a test fixed it: the page's "today" follows it. */
  clock: { today(): string } | null;
}

export const testHooks: TestHooks = {
  chart: null,
  app: null,
  ownership: null,
  teamMap: null,
  effort: null,
  save: null,
  import: null,
  exportPreview: null,
  clock: null,
};

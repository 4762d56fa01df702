// Visual constants for cards and connectors, in one place so the renderer, minimap and benchmarks agree.

// The bundled face first (styles.css @font-face): the exporter measures labels with the same font, and the canvas
// never waits on the system's font matching for it (the team map's first frame took 40-60 ms more with system-ui).
export const FAMILY = '"DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Resolves once the bundled face is loaded (or failed: the fallbacks then measure), so the first measurement uses
 * it; a canvas does not load a web font by itself before measuring. Call before the first renderer draws text.
 */
export function fontsReady(): Promise<void> {
  if (typeof document === "undefined" || !document.fonts) return Promise.resolve();
  return Promise.all([document.fonts.load(`14px "DejaVu Sans"`), document.fonts.load(`600 14px "DejaVu Sans"`)]).then(
    () => undefined,
    () => undefined,
  );
}

export interface Theme {
  background: string;
  cardFill: string;
  cardStroke: string;
  openFill: string;
  openStroke: string;
  blockFill: string;
  connector: string;
  dottedConnector: string;
  nameColour: string;
  titleColour: string;
  mutedColour: string;
  selected: string;
  searchHitFill: string;
  searchHitStroke: string;
  searchChainStroke: string;
  dropOk: string;
  dropOkFill: string;
  dropBad: string;
  dropBadFill: string;
  tooltipFill: string;
  tooltipText: string;
  /** Fonts are in world units: text scales with zoom, so measurements are cached once per label, not per zoom. */
  nameFont: string;
  titleFont: string;
  bigNameFont: string;
  badgeFont: string;
  /** The line of custom fields under a card's title. */
  fieldsFont: string;
  /** Screen-space font for the refusal tooltip, which must stay readable at any zoom. */
  tooltipFont: string;
  padX: number;
  accentWidth: number;
  chipSize: number;
  chipGap: number;
  maxChips: number;
}

export const DEFAULT_THEME: Theme = {
  background: "#f4f5f7",
  cardFill: "#ffffff",
  cardStroke: "#c4c9d2",
  openFill: "#f9fafb",
  openStroke: "#8a93a3",
  blockFill: "#aab2bf",
  connector: "#9aa3b2",
  dottedConnector: "#7b6cd9",
  nameColour: "#1b1f27",
  titleColour: "#5b6475",
  mutedColour: "#8a93a3",
  selected: "#2563eb",
  searchHitFill: "#fff3bf",
  searchHitStroke: "#e8890c",
  searchChainStroke: "#f2b84b",
  dropOk: "#16a34a",
  dropOkFill: "rgba(22,163,74,0.10)",
  dropBad: "#dc2626",
  dropBadFill: "rgba(220,38,38,0.10)",
  tooltipFill: "rgba(27,31,39,0.92)",
  tooltipText: "#ffffff",
  nameFont: `600 14px ${FAMILY}`,
  titleFont: `12px ${FAMILY}`,
  bigNameFont: `600 24px ${FAMILY}`,
  badgeFont: `600 11px ${FAMILY}`,
  fieldsFont: `11px ${FAMILY}`,
  tooltipFont: `12px ${FAMILY}`,
  padX: 14,
  accentWidth: 5,
  chipSize: 9,
  chipGap: 4,
  maxChips: 6,
};

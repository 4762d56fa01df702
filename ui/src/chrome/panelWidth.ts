// Side panel widths (inspector, insights): dragged or keyed, clamped so the diagram keeps most of the window, and
// remembered for the next start.

export interface PanelLimits {
  min: number;
  max: number;
}

/** The diagram never gets less than this share of the window from the side panels together. */
export const CHART_SHARE = 0.5;

/** Below this window width the insights panel starts closed (the chart needs the room more). */
export const INSIGHTS_OPEN_FROM = 1200;

/** Keyboard steps on a panel's resize handle, CSS px. */
export const KEY_STEP = 16;
export const KEY_STEP_LARGE = 64;

/**
 * The width a panel gets: what was asked for within its limits, and never so wide that the chart keeps less than
 * `CHART_SHARE` of the window beside the other open panels. A panel never gets narrower than its minimum (a tiny
 * window then gives the chart less).
 */
export function clampPanelWidth(want: number, limits: PanelLimits, windowWidth: number, otherPanels = 0): number {
  const room = windowWidth * (1 - CHART_SHARE) - otherPanels;
  const max = Math.max(limits.min, Math.min(limits.max, room));
  const w = Number.isFinite(want) ? want : limits.min;
  return Math.round(Math.min(max, Math.max(limits.min, w)));
}

/** What a key does on a panel's handle (the panel is on the right: ArrowLeft widens it), or null for another key. */
export function keyedWidth(key: string, shift: boolean, width: number, limits: PanelLimits): number | null {
  const step = shift ? KEY_STEP_LARGE : KEY_STEP;
  switch (key) {
    case "ArrowLeft": return width + step;
    case "ArrowRight": return width - step;
    case "Home": return limits.max;
    case "End": return limits.min;
    default: return null;
  }
}

export function insightsOpenByDefault(windowWidth: number): boolean {
  return windowWidth >= INSIGHTS_OPEN_FROM;
}

/** A remembered number or flag in the app's local storage; absent, unreadable or blocked storage gives undefined. */
export function readStored(key: string): string | undefined {
  try {
    return globalThis.localStorage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage full or blocked: the setting lasts for this run only.
  }
}

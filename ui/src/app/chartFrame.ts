// What the chart tells the back end about its view when it asks for a layout (crates/api chart_frame.rs): the
// window's shape, which the compact arrangement wraps the chart to, and on a document's first layout the room a big
// org is folded for, so it never lays out, sends and paints every card only to fold them a moment later.
import type { ChartFrame, FoldRoom } from "../bindings";
import { nameTextZoom } from "../canvas/firstView";
import { minimapReserve, minimapSize } from "../canvas/minimap";
import { insightsOpenByDefault } from "../chrome/panelWidth";

/** The card the back end lays out (crates/scene SceneOptions). */
export const CARD_W = 220;
export const CARD_H = 84;

/** A resize re-wraps the chart only once the window's shape changed by this factor: nudging an edge moves nothing. */
export const ASPECT_STEP = 1.25;

/** Window height taken by the toolbar and the status bar, when the chart's own box is not known yet. */
const CHROME_HEIGHT = 90;
/** The insights panel's first width (insights/InsightsPanel.tsx), open from INSIGHTS_OPEN_FROM px. */
const INSIGHTS_WIDTH = 300;

export interface Size {
  width: number;
  height: number;
}

/** `aspect` moved to the nearest power of ASPECT_STEP, so nearby window shapes share one layout. */
export function quantizeAspect(aspect: number): number {
  if (!Number.isFinite(aspect) || aspect <= 0) return 1;
  const k = Math.round(Math.log(aspect) / Math.log(ASPECT_STEP));
  return Math.round(ASPECT_STEP ** k * 1000) / 1000;
}

/**
 * The room the chart gets in a window of `win` CSS px: the app body (`body`, when laid out) less the insights panel
 * the window opens with. An estimate before the chart exists, good enough to decide how deep a big org opens.
 */
export function chartRoom(win: Size, body?: Size | null): Size {
  const width = (body && body.width > 0 ? body.width : win.width) - (insightsOpenByDefault(win.width) ? INSIGHTS_WIDTH : 0);
  const height = body && body.height > 0 ? body.height : win.height - CHROME_HEIGHT;
  return { width: Math.max(1, width), height: Math.max(1, height) };
}

/**
 * The frame for a chart in `room`; `fold` on a document's first layout, with the minimap's corner when it is shown
 * (the back end folds the levels whose chart would not fit beside or above it at the name-only zoom).
 */
export function chartFrame(room: Size, fold: boolean, minimap = true): ChartFrame {
  const aspect = quantizeAspect(room.width / room.height);
  const reserve = minimap ? minimapReserve(minimapSize(room)) : null;
  const foldRoom: FoldRoom | null = fold
    ? { width: room.width, height: room.height, zoom: nameTextZoom(CARD_W, CARD_H), reserve_width: reserve?.width ?? 0, reserve_height: reserve?.height ?? 0 }
    : null;
  return { aspect, fold: foldRoom };
}

/** Whether the user put the minimap away (the chart actions' `topograph.minimap` setting). */
function minimapHidden(): boolean {
  try {
    return typeof localStorage !== "undefined" && localStorage.getItem("topograph.minimap") === "hidden";
  } catch {
    return false;
  }
}

/** The room this window's views get, read from the page (the chart's, and the team map's first fold). */
export function windowRoom(): Size {
  const body = typeof document === "undefined" ? null : document.querySelector(".app-body")?.getBoundingClientRect();
  const win = typeof window === "undefined" ? { width: 1280, height: 800 } : { width: window.innerWidth, height: window.innerHeight };
  return chartRoom(win, body ? { width: body.width, height: body.height } : null);
}

/** The frame of this window's chart, read from the page. */
export function windowChartFrame(fold: boolean): ChartFrame {
  return chartFrame(windowRoom(), fold, !minimapHidden());
}

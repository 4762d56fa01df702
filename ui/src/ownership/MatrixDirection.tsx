// The matrix's direction cell of one area row: its stance and target share, edited in place (one update-area op
// each, through the caller), and its actual effort against the target as a bar coloured by stance.
import { useEffect, useState } from "react";
import type { AreaContent, Stance } from "../bindings";
import { STANCES, parseTarget } from "./direction";
import { effortBar, effortFigure, effortTitle } from "./effortBars";

/** Width of the direction cell, between the area names and the team columns. */
export const DIRECTION_WIDTH = 290;
const BAR_WIDTH = 64;

export interface DirectionPatch {
  stance?: Stance | null;
  target_share?: number | null;
}

export function MatrixDirection(props: { area: AreaContent; claimed: number | null; scale: number; colIndex: number; onChange(patch: DirectionPatch): void }) {
  const { area, claimed, scale } = props;
  const shown = area.targetShare === null || area.targetShare === undefined ? "" : String(area.targetShare);
  const [text, setText] = useState(shown);
  const [bad, setBad] = useState(false);
  useEffect(() => { setText(shown); setBad(false); }, [shown]);
  const commit = () => {
    const t = parseTarget(text);
    if (!t.ok) { setBad(true); return; }
    setBad(false);
    if (t.value !== (area.targetShare ?? null)) props.onChange({ target_share: t.value });
  };
  const bar = effortBar(area, claimed, scale, BAR_WIDTH);
  const title = effortTitle(area, claimed);
  return (
    // Keys typed here are the fields' own: the grid's arrows and Enter (which cycles a cell) must not see them.
    <div role="gridcell" aria-colindex={props.colIndex} className="om-direction" style={{ width: DIRECTION_WIDTH }}
      onKeyDown={(e) => e.stopPropagation()} onPointerDown={(e) => e.stopPropagation()}>
      <select aria-label={`Stance of ${area.name}`} value={area.stance ?? ""}
        onChange={(e) => props.onChange({ stance: e.target.value === "" ? null : e.target.value as Stance })}>
        {STANCES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
      </select>
      <input aria-label={`Target share of ${area.name} (%)`} inputMode="decimal" placeholder="–" value={text} aria-invalid={bad}
        title={bad ? "A percentage from 0 to 100, or blank for none" : "Target share (%)"}
        onChange={(e) => setText(e.target.value)} onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") { e.preventDefault(); commit(); }
          if (e.key === "Escape") { setText(shown); setBad(false); }
        }} />
      <span className="om-effort" role="img" aria-label={title} title={title}>
        <span className="om-effort-track" style={{ width: BAR_WIDTH }}>
          <span className="om-effort-fill" style={{ width: bar.fill, background: bar.colour }} />
          {bar.tick !== null && <span className={bar.tickFromBelow ? "om-effort-tick below" : "om-effort-tick"} style={{ left: bar.tick }} />}
        </span>
        <span className="om-effort-figure">{effortFigure(area, claimed)}</span>
      </span>
    </div>
  );
}

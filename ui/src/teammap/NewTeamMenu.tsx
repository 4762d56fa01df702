// "+ Team": the menu of team kinds (toolbar, Insert, the map's context menu, the empty state's button).
import { useEffect, useRef } from "react";
import type { UnitKind } from "../bindings";
import { KIND_STYLES } from "./style";
import { TEAM_KINDS } from "./teamsModel";

export function NewTeamMenu({ at, onChoose, onCancel }: { at: { x: number; y: number }; onChoose: (kind: UnitKind) => void; onCancel: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="menu mode-chooser new-team-menu" role="menu" aria-label="New team" style={{ left: at.x, top: at.y }}
      onKeyDown={(e) => { if (e.key === "Escape") { e.stopPropagation(); onCancel(); } }}>
      {TEAM_KINDS.map((k, i) => (
        <button key={k} ref={i === 0 ? first : undefined} type="button" role="menuitem" onClick={() => onChoose(k)}>
          <span className="mode-swatch" style={{ borderColor: KIND_STYLES[k].stroke }} /> {KIND_STYLES[k].label} team
        </button>
      ))}
      <button type="button" role="menuitem" className="muted" onClick={onCancel}>Cancel</button>
    </div>
  );
}

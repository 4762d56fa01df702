// The legend of "colour by": each colour, what it stands for and how many people have it; folds to its heading.
import { useState } from "react";
import { colourLabel, type ColourEntry, type ColourKey } from "./colourBy";

export function ColourLegend({ colourKey, entries }: { colourKey: ColourKey; entries: readonly ColourEntry[] }) {
  const [open, setOpen] = useState(true);
  return (
    <aside className="colour-legend" aria-label="Colour legend">
      <button type="button" className="colour-legend-head" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Colour by {colourLabel(colourKey)}
      </button>
      {open && (
        <ul>
          {entries.map((e) => (
            <li key={e.label}>
              <span className="colour-swatch" style={{ background: e.colour }} aria-hidden="true" />
              <span className="colour-name">{e.label}</span>
              <span className="muted">{e.ids.length}</span>
            </li>
          ))}
          {entries.length === 0 && <li className="muted">No one has a value yet.</li>}
        </ul>
      )}
    </aside>
  );
}

// The org chart's legend (toggled with the Legend action): what accents, badges, lines and highlights mean.
import { chartLegend, type LegendMark } from "../canvas/legend";

function Mark({ mark }: { mark: LegendMark }) {
  switch (mark.kind) {
    case "accent":
      return <span className="legend-accent" style={{ background: mark.colour }} />;
    case "card":
      return <span className="legend-card" style={{ borderColor: mark.stroke, background: mark.fill, borderStyle: mark.dashed ? "dashed" : "solid" }} />;
    case "badge":
      return <span className="legend-badge" style={{ background: mark.fill }}>{mark.text}</span>;
    case "tag":
      return <span className="legend-tag">{mark.text}</span>;
    case "line":
      return <span className="legend-line" style={{ borderTopColor: mark.colour, borderTopStyle: mark.dashed ? "dashed" : "solid" }} />;
    case "stub":
      return <span className="legend-line legend-stub" style={{ borderTopColor: mark.colour, borderTopStyle: "dashed" }} />;
    case "outline":
      return <span className="legend-outline" style={{ borderColor: mark.colour, background: mark.fill ?? "#fff" }} />;
  }
}

export function LegendPanel({ onClose }: { onClose: () => void }) {
  return (
    <aside className="chart-legend" aria-label="Legend">
      <header>
        <strong>Legend</strong>
        <button type="button" className="icon" aria-label="Hide legend" onClick={onClose}>×</button>
      </header>
      {chartLegend().map((s) => (
        <section key={s.title}>
          <h3>{s.title}</h3>
          <ul>
            {s.entries.map((e) => (
              <li key={e.label}><Mark mark={e.mark} /><span>{e.label}</span></li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}

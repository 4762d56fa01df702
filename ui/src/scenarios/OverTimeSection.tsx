// Compare's headcount and cost per period: two small paired-bar charts side by side (from, to) and a table of
// both figures with their difference, from the diff's `over_time` key (topograph-diff, in one reporting currency).
import type { OverTime } from "../bindings";
import { money, pairChart, rowsOf, type Measure } from "./overTimeModel";

const CHART_W = 260;
const CHART_H = 120;

function PairChartView({ o, measure, from, to }: { o: OverTime; measure: Measure; from: string; to: string }) {
  const c = pairChart(o, measure, CHART_W, CHART_H);
  const title = measure === "headcount" ? "Headcount" : `Cost (${o.reporting_currency})`;
  const top = measure === "headcount" ? c.top.toLocaleString("en") : money(c.top, true);
  return (
    <figure className="compare-chart" data-measure={measure}>
      <figcaption>{title} <span className="muted">up to {top}</span></figcaption>
      <svg width={c.width} height={c.height} role="img" aria-label={`${title}: ${from} and ${to} per period`}>
        <line x1={0} x2={c.width} y1={c.floor} y2={c.floor} className="axis" />
        {c.bars.map((b) => (
          <g key={b.period}>
            <rect className="before" x={b.x} y={c.floor - b.beforeH} width={b.barW} height={b.beforeH} />
            <rect className="after" x={b.x + b.barW + 2} y={c.floor - b.afterH} width={b.barW} height={b.afterH} />
            <text x={b.x + b.barW + 1} y={c.height - 4} textAnchor="middle">{b.period.slice(2)}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

export function OverTimeSection({ o, from, to }: { o: OverTime | null | undefined; from: string; to: string }) {
  if (!o || o.periods.length === 0) return null;
  const headcount = rowsOf(o, "headcount");
  const cost = rowsOf(o, "cost");
  const missing = o.unconverted_before + o.unconverted_after;
  return (
    <section className="compare-section compare-over-time" aria-label="Headcount and cost per period">
      <h4>Headcount and cost per {o.by}</h4>
      <p className="compare-key muted">
        <span className="swatch before" /> {from} <span className="swatch after" /> {to}
      </p>
      <div className="compare-charts">
        <PairChartView o={o} measure="headcount" from={from} to={to} />
        <PairChartView o={o} measure="cost" from={from} to={to} />
      </div>
      <table className="compare-periods">
        <thead>
          <tr>
            <th rowSpan={2}>Period</th>
            <th colSpan={3}>Headcount (+open and planned)</th>
            <th colSpan={3}>Cost in {o.reporting_currency}, planned hires included</th>
          </tr>
          <tr><th>{from}</th><th>{to}</th><th>Δ</th><th>{from}</th><th>{to}</th><th>Δ</th></tr>
        </thead>
        <tbody>
          {headcount.map((h, i) => {
            const c = cost[i]!;
            return (
              <tr key={h.period} data-period={h.period} className={h.changed || c.changed ? "changed" : undefined}>
                <th scope="row">{h.period}</th>
                <td className="hc-before">{h.before}</td>
                <td className="hc-after">{h.after}</td>
                <td className="hc-diff">{h.difference}</td>
                <td className="cost-before">{c.before}</td>
                <td className="cost-after">{c.after}</td>
                <td className="cost-diff">{c.difference}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {missing > 0 && (
        <p className="muted">
          {missing} people are paid in a currency without an exchange rate to {o.reporting_currency}; their cost is left out
          (add the rate in the plan settings).
        </p>
      )}
    </section>
  );
}

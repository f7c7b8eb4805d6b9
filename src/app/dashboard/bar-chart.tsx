/** One bar: a share in percent and its 95% interval; null (suppressed or empty) draws no bar. */
export interface Bar {
  key: string;
  label: string;
  percent: number | null;
  ci95: readonly [number, number] | null;
}

const ROW = 28;
const LABEL = 112;
const WIDTH = 320;
const PLOT = WIDTH - LABEL - 8;

/**
 * Horizontal bars with interval whiskers and the target as a dashed line. Drawn for the eye only
 * (aria-hidden): the table beside it carries the same numbers for screen readers and for print.
 */
export function BarChart({ bars, target }: { bars: readonly Bar[]; target: number | null }) {
  const x = (p: number) => LABEL + (PLOT * Math.min(100, Math.max(0, p))) / 100;
  const height = bars.length * ROW + 16;
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      aria-hidden="true"
      focusable="false"
      data-testid="bar-chart"
    >
      {[0, 50, 100].map((p) => (
        <g key={p}>
          <line x1={x(p)} x2={x(p)} y1={0} y2={height - 14} class="bar-chart__grid" />
          <text x={x(p)} y={height - 2} class="bar-chart__tick" text-anchor="middle">
            {p}%
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = i * ROW + 4;
        return (
          <g key={b.key} data-percent={b.percent ?? ""}>
            <text
              x={LABEL - 6}
              y={y + ROW / 2}
              class="bar-chart__label"
              text-anchor="end"
              dominant-baseline="middle"
            >
              {b.label.length > 14 ? `${b.label.slice(0, 13)}…` : b.label}
            </text>
            {b.percent !== null && (
              <rect
                x={LABEL}
                y={y + 4}
                width={x(b.percent) - LABEL}
                height={ROW - 10}
                class="bar-chart__bar"
              />
            )}
            {b.ci95 && (
              <g class="bar-chart__whisker">
                <line x1={x(b.ci95[0])} x2={x(b.ci95[1])} y1={y + ROW / 2 - 1} y2={y + ROW / 2 - 1} />
                <line x1={x(b.ci95[0])} x2={x(b.ci95[0])} y1={y + 6} y2={y + ROW - 8} />
                <line x1={x(b.ci95[1])} x2={x(b.ci95[1])} y1={y + 6} y2={y + ROW - 8} />
              </g>
            )}
          </g>
        );
      })}
      {target !== null && (
        <line x1={x(target)} x2={x(target)} y1={0} y2={height - 14} class="bar-chart__target" />
      )}
    </svg>
  );
}

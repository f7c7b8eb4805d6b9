import { t } from "../../i18n";
import { useLocale } from "../locale-context";
import { formatPercent } from "./format";

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
const PLOT = WIDTH - LABEL - 16;
/** Room above the bars for the target's label, so it never sits on a bar. */
const TOP = 18;
/** A tick every quarter: enough to read a bar's length against, few enough to fit a phone's width. */
const TICKS = [0, 25, 50, 75, 100];

const x = (p: number) => LABEL + (PLOT * Math.min(100, Math.max(0, p))) / 100;

/**
 * Horizontal bars with interval whiskers on a 0–100% scale, and the target as a dashed line named
 * at its top. Drawn for the eye only (aria-hidden): the table beside it carries the same numbers
 * for screen readers and for print.
 */
export function BarChart({ bars, target }: { bars: readonly Bar[]; target: number | null }) {
  const axisY = TOP + bars.length * ROW + 2;
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${WIDTH} ${axisY + 18}`}
      width="100%"
      aria-hidden="true"
      focusable="false"
      data-testid="bar-chart"
    >
      <Scale axisY={axisY} />
      {bars.map((b, i) => (
        <BarRow key={b.key} bar={b} y={TOP + i * ROW} />
      ))}
      {target !== null && <TargetLine target={target} axisY={axisY} />}
    </svg>
  );
}

/** The axis: a base line with a tick and its percent every quarter, and faint grid lines up the plot. */
function Scale({ axisY }: { axisY: number }) {
  return (
    <g class="bar-chart__scale">
      <line x1={x(0)} x2={x(100)} y1={axisY} y2={axisY} class="bar-chart__axis" />
      {TICKS.map((p) => (
        <g key={p} data-tick={p}>
          <line x1={x(p)} x2={x(p)} y1={TOP} y2={axisY} class="bar-chart__grid" />
          <line x1={x(p)} x2={x(p)} y1={axisY} y2={axisY + 4} class="bar-chart__axis" />
          <text x={x(p)} y={axisY + 15} class="bar-chart__tick" text-anchor="middle">
            {p}%
          </text>
        </g>
      ))}
    </g>
  );
}

function BarRow({ bar, y }: { bar: Bar; y: number }) {
  return (
    <g data-percent={bar.percent ?? ""}>
      <text
        x={LABEL - 6}
        y={y + ROW / 2}
        class="bar-chart__label"
        text-anchor="end"
        dominant-baseline="middle"
      >
        {bar.label.length > 14 ? `${bar.label.slice(0, 13)}…` : bar.label}
      </text>
      {bar.percent !== null && (
        <rect x={LABEL} y={y + 4} width={x(bar.percent) - LABEL} height={ROW - 10} class="bar-chart__bar" />
      )}
      {bar.ci95 && (
        <g class="bar-chart__whisker">
          <line x1={x(bar.ci95[0])} x2={x(bar.ci95[1])} y1={y + ROW / 2 - 1} y2={y + ROW / 2 - 1} />
          <line x1={x(bar.ci95[0])} x2={x(bar.ci95[0])} y1={y + 6} y2={y + ROW - 8} />
          <line x1={x(bar.ci95[1])} x2={x(bar.ci95[1])} y1={y + 6} y2={y + ROW - 8} />
        </g>
      )}
    </g>
  );
}

/** The dashed target line, named ("目標 70%") above the plot: a red line alone said nothing of what it was. */
function TargetLine({ target, axisY }: { target: number; axisY: number }) {
  const { locale } = useLocale();
  const label = `${t("dashboard.target")} ${formatPercent(target, locale, Number.isInteger(target) ? 0 : 1)}`;
  // Kept inside the drawing: a target near 0% or 100% would push a centred label off its edge.
  const labelX = Math.min(WIDTH - 34, Math.max(LABEL + 30, x(target)));
  return (
    <g class="bar-chart__target-group" data-target={target}>
      <line x1={x(target)} x2={x(target)} y1={TOP - 4} y2={axisY} class="bar-chart__target" />
      <text x={labelX} y={TOP - 7} class="bar-chart__target-label" text-anchor="middle">
        {label}
      </text>
    </g>
  );
}

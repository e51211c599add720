import { useId, type ReactNode } from "react";
import styles from "./chart.module.css";

/** The drawing area of every chart, in SVG user units; the SVG scales to its container's width. */
export const chartSize = { width: 600, height: 260, left: 84, right: 14, top: 14, bottom: 52 };

export interface ChartCategory {
  /** Under the axis, e.g. "Mar". */
  short: string;
  /** In the text alternative, e.g. "March 2026". */
  long: string;
}

export interface LegendEntry {
  label: string;
  color: string;
  /** A dashed swatch, for threshold lines. */
  dashed?: boolean;
}

/** Where category `index` of `count` and value `value` sit in the plot. */
export function chartScale(count: number, yMin: number, yMax: number) {
  const plotWidth = chartSize.width - chartSize.left - chartSize.right;
  const plotHeight = chartSize.height - chartSize.top - chartSize.bottom;
  const band = plotWidth / Math.max(1, count);
  const span = yMax - yMin || 1;
  return {
    band,
    plotWidth,
    plotHeight,
    x: (index: number) => chartSize.left + band * (index + 0.5),
    y: (value: number) =>
      chartSize.top + plotHeight * (1 - (Math.min(yMax, Math.max(yMin, value)) - yMin) / span),
  };
}

/** A round upper end for a count axis and the ticks up to it (at most six). */
export function countTicks(max: number): number[] {
  const target = Math.max(1, max);
  const step =
    [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((candidate) => target / candidate <= 5) ?? 1000;
  const top = Math.ceil(target / step) * step;
  return Array.from({ length: top / step + 1 }, (_, index) => index * step);
}

/**
 * The frame every chart shares: a figure with its title, an SVG scaled to the width available with axes,
 * tick labels and axis titles, the legend in HTML (so it reflows on a phone), and a text alternative
 * (`description`) that screen readers get instead of the picture.
 */
export function ChartFrame({
  title,
  description,
  categories,
  xAxisLabel,
  yAxisLabel,
  yTicks,
  yMin,
  yMax,
  legend,
  children,
}: {
  title: string;
  description: string;
  categories: ChartCategory[];
  xAxisLabel: string;
  yAxisLabel: string;
  yTicks: { value: number; label: string }[];
  yMin: number;
  yMax: number;
  legend: LegendEntry[];
  children: ReactNode;
}) {
  const id = useId();
  const scale = chartScale(categories.length, yMin, yMax);
  const bottom = chartSize.height - chartSize.bottom;
  return (
    <figure className={styles.chart}>
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${chartSize.width} ${chartSize.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {yTicks.map((tick) => (
          <g key={tick.value} className="chart-grid">
            <line
              x1={chartSize.left}
              x2={chartSize.width - chartSize.right}
              y1={scale.y(tick.value)}
              y2={scale.y(tick.value)}
            />
            <text x={chartSize.left - 8} y={scale.y(tick.value)} textAnchor="end" dominantBaseline="middle">
              {tick.label}
            </text>
          </g>
        ))}
        <line
          className={styles.chartAxis}
          x1={chartSize.left}
          x2={chartSize.width - chartSize.right}
          y1={bottom}
          y2={bottom}
        />
        {categories.map((category, index) => (
          <text
            key={category.long}
            className="chart-category"
            x={scale.x(index)}
            y={bottom + 18}
            textAnchor="middle"
          >
            {category.short}
          </text>
        ))}
        <text
          className={styles.chartAxisTitle}
          x={chartSize.left + scale.plotWidth / 2}
          y={chartSize.height - 6}
          textAnchor="middle"
        >
          {xAxisLabel}
        </text>
        <text
          className={styles.chartAxisTitle}
          transform={`translate(14 ${chartSize.top + scale.plotHeight / 2}) rotate(-90)`}
          textAnchor="middle"
          dominantBaseline="middle"
        >
          {yAxisLabel}
        </text>
        {children}
      </svg>
      <ul className={styles.chartLegend} aria-hidden>
        {legend.map((entry) => (
          <li key={entry.label}>
            <span
              className={entry.dashed ? `${styles.swatch} ${styles.dashed}` : styles.swatch}
              style={entry.dashed ? { borderColor: entry.color } : { background: entry.color }}
            />
            {entry.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

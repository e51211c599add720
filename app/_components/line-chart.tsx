import { ChartFrame, chartScale, chartSize, type ChartCategory } from "./chart-frame";
import styles from "./chart.module.css";

export interface LineSeries {
  label: string;
  color: string;
  /** One value per category; null where there is no data (drawn as a gap, not as zero). */
  values: (number | null)[];
}

export interface ThresholdLine {
  label: string;
  value: number;
  color: string;
}

/** Runs of consecutive values as SVG path data; a null ends a run, so a month without data is a gap. */
function pathsOf(values: (number | null)[], x: (index: number) => number, y: (value: number) => number) {
  const runs: string[] = [];
  let current = "";
  values.forEach((value, index) => {
    if (value === null) {
      if (current) runs.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(index).toFixed(1)} ${y(value).toFixed(1)}`;
  });
  if (current) runs.push(current);
  return runs;
}

/**
 * Lines over categories (months) with optional dashed threshold lines, as server-rendered SVG. Each value
 * is a dot, consecutive values are joined, and a missing value leaves a gap. The text alternative lists
 * every value in words, with `format`.
 */
export function LineChart({
  title,
  categories,
  series,
  thresholds = [],
  yMin,
  yMax,
  yTicks,
  format,
  xAxisLabel,
  yAxisLabel,
}: {
  title: string;
  categories: ChartCategory[];
  series: LineSeries[];
  thresholds?: ThresholdLine[];
  yMin: number;
  yMax: number;
  yTicks: number[];
  format: (value: number) => string;
  xAxisLabel: string;
  yAxisLabel: string;
}) {
  const scale = chartScale(categories.length, yMin, yMax);
  const description = [
    ...series.map(
      (line) =>
        `${line.label}: ` +
        categories
          .map((category, index) => {
            const value = line.values[index];
            return `${category.long} ${value === null || value === undefined ? "no data" : format(value)}`;
          })
          .join(", "),
    ),
    ...thresholds.map((threshold) => `${threshold.label}: ${format(threshold.value)}`),
  ].join(". ");
  return (
    <ChartFrame
      title={title}
      description={description}
      categories={categories}
      xAxisLabel={xAxisLabel}
      yAxisLabel={yAxisLabel}
      yTicks={yTicks.map((value) => ({ value, label: format(value) }))}
      yMin={yMin}
      yMax={yMax}
      legend={[
        ...series.map((line) => ({ label: line.label, color: line.color })),
        ...thresholds.map((threshold) => ({
          label: `${threshold.label} (${format(threshold.value)})`,
          color: threshold.color,
          dashed: true,
        })),
      ]}
    >
      {thresholds.map((threshold) => (
        <line
          key={threshold.label}
          className={styles.chartThreshold}
          x1={chartSize.left}
          x2={chartSize.width - chartSize.right}
          y1={scale.y(threshold.value)}
          y2={scale.y(threshold.value)}
          stroke={threshold.color}
        />
      ))}
      {series.map((line) => (
        <g key={line.label} className={styles.chartSeries} stroke={line.color} fill={line.color}>
          {pathsOf(line.values, scale.x, scale.y).map((path) => (
            <path key={path} d={path} fill="none" />
          ))}
          {line.values.map((value, index) =>
            value === null ? null : <circle key={index} cx={scale.x(index)} cy={scale.y(value)} r={4} />,
          )}
        </g>
      ))}
    </ChartFrame>
  );
}

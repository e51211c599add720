import { ChartFrame, chartScale, chartSize, countTicks, type ChartCategory } from "./chart-frame";
import styles from "./chart.module.css";

export interface BarStack {
  label: string;
  color: string;
  /** One count per category. */
  values: number[];
}

/**
 * Counts per category (month) as stacked bars, server-rendered SVG, with each bar's total above it. A
 * category marked in `noData` gets no bar and a dash at the baseline, so "nothing to count" is not read
 * as zero. The text alternative lists every category's counts in words.
 */
export function StackedBarChart({
  title,
  categories,
  stacks,
  noData = [],
  unit,
  xAxisLabel,
  yAxisLabel,
}: {
  title: string;
  categories: ChartCategory[];
  stacks: BarStack[];
  /** True for a category without data. */
  noData?: boolean[];
  /** What a total counts, in the text alternative: "complaints". */
  unit: string;
  xAxisLabel: string;
  yAxisLabel: string;
}) {
  const totals = categories.map((_, index) =>
    stacks.reduce((sum, stack) => sum + (stack.values[index] ?? 0), 0),
  );
  const ticks = countTicks(Math.max(...totals, 0));
  const yMax = ticks.at(-1) ?? 1;
  const scale = chartScale(categories.length, 0, yMax);
  const barWidth = Math.min(34, scale.band * 0.62);
  const baseline = chartSize.height - chartSize.bottom;
  const description = categories
    .map((category, index) => {
      if (noData[index]) return `${category.long} no data`;
      const parts = stacks
        .filter((stack) => (stack.values[index] ?? 0) > 0)
        .map((stack) => `${stack.values[index]} ${stack.label.toLowerCase()}`);
      return `${category.long} ${totals[index]} ${unit}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
    })
    .join(", ");
  return (
    <ChartFrame
      title={title}
      description={description}
      categories={categories}
      xAxisLabel={xAxisLabel}
      yAxisLabel={yAxisLabel}
      yTicks={ticks.map((value) => ({ value, label: String(value) }))}
      yMin={0}
      yMax={yMax}
      legend={stacks.map((stack) => ({ label: stack.label, color: stack.color }))}
    >
      {categories.map((category, index) => {
        const x = scale.x(index);
        if (noData[index])
          return (
            <text key={category.long} className="chart-no-data" x={x} y={baseline - 6} textAnchor="middle">
              –
            </text>
          );
        let top = baseline;
        return (
          <g key={category.long}>
            {stacks.map((stack) => {
              const value = stack.values[index] ?? 0;
              if (value <= 0) return null;
              const height = baseline - scale.y(value);
              top -= height;
              return (
                <rect
                  key={stack.label}
                  x={x - barWidth / 2}
                  y={top}
                  width={barWidth}
                  height={height}
                  fill={stack.color}
                />
              );
            })}
            <text className={styles.chartBarTotal} x={x} y={top - 6} textAnchor="middle">
              {totals[index]}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

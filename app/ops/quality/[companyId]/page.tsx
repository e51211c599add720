import type { Metadata } from "next";
import Link from "next/link";
import { StackedBarChart } from "@/app/_components/bar-chart";
import { countTicks, type ChartCategory } from "@/app/_components/chart-frame";
import { LineChart } from "@/app/_components/line-chart";
import { StackTable } from "@/app/_components/stack-table";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import { loadSupplierQuality } from "@/lib/quality/load-supplier-quality";
import type { QualityMonth } from "@/lib/quality/load-supplier-quality-history";
import type { QualityMetric } from "@/lib/quality/quality-flags-of";
import { formatHours, formatPercent, formatStars } from "../format-quality";
import scoreTilesStyles from "@/app/_components/score-tiles.module.css";
import styles from "./supplier-quality.module.css";
import qualityStyles from "../quality.module.css";
import { countryName } from "@/lib/documents/country-name";
import { formatMoment } from "@/app/_components/format-dates";
import { formatShortMonth, formatShortMonthYear } from "@/lib/dates/format-month";

export const metadata: Metadata = { title: "Partner scorecard · operations" };

const colors = {
  onTime: "#1f5fd1",
  rejection: "#b54708",
  ok: "#067647",
  late: "#b42318",
  upheld: "#b42318",
  open: "#e0a100",
  rejected: "#8a99a8",
  rating: "#6b3fb0",
  response: "#0e7490",
};

const categoryOf = (month: string): ChartCategory => {
  const first = new Date(`${month}-01T00:00:00Z`);
  return {
    short: formatShortMonth(month),
    long: first.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
  };
};

/** "3: 1 upheld, 2 open"; "0" when lines shipped without complaints, "–" when nothing shipped. */
function complaintsOf(month: QualityMonth): string {
  const { total, upheld, open, rejected } = month.complaints;
  if (total === 0) return month.shipped > 0 ? "0" : "–";
  const outcomes = [
    [upheld, "upheld"],
    [open, "open"],
    [rejected, "rejected"],
  ] as const;
  return `${total}: ${outcomes
    .filter(([count]) => count > 0)
    .map(([count, outcome]) => `${count} ${outcome}`)
    .join(", ")}`;
}

export default async function OpsSupplierQualityPage({ params }: { params: Promise<{ companyId: string }> }) {
  const { companyId } = await params;
  await requirePermission("ops.console", `/ops/quality/${companyId}`);
  const { supplier, months, thresholds, flaggedScoreFactor, settingsVersion } = await orNotFoundPage(
    loadSupplierQuality(getPrisma(), companyId),
  );
  const categories = months.map((month) => categoryOf(month.month));
  const xAxisLabel = `Month, ${formatShortMonthYear(months[0]!.month)} – ${formatShortMonthYear(months.at(-1)!.month)}`;
  const flaggedOn = (metric: QualityMetric) => supplier.flags.some((flag) => flag.metric === metric);
  const slowest = Math.max(0, ...months.map((month) => month.meanResponseHours ?? 0));
  const responseTicks = countTicks(Math.max(slowest, thresholds.maxMeanResponseHours * 1.5));
  const { track, rates } = supplier;

  const tiles: { metric: QualityMetric | null; label: string; value: string; hint: string }[] = [
    {
      metric: "onTime",
      label: "On time",
      value: formatPercent(rates.onTimeRate),
      hint: `${track.linesOnTime} of ${track.linesShipped} shipped lines · at least ${formatPercent(thresholds.minOnTimeRate)}`,
    },
    {
      metric: "rating",
      label: "Rating",
      value: formatStars(rates.meanStars),
      hint: `${track.ratingsCount} ratings · at least ${thresholds.minMeanStars.toFixed(1)} ★`,
    },
    {
      metric: "rejection",
      label: "Rejected or unanswered",
      value: formatPercent(rates.rejectionRate),
      hint: `${track.offersRejected + track.offersExpired} of ${track.offersAnswered + track.offersExpired} offers · at most ${formatPercent(thresholds.maxRejectionRate)}`,
    },
    {
      metric: "complaints",
      label: "Upheld complaints",
      value: formatPercent(rates.upheldComplaintsPerShippedLine),
      hint: `${track.complaintsUpheld} upheld of ${track.complaintsCount} complaints on ${track.linesShipped} lines · at most ${formatPercent(thresholds.maxComplaintRate)}`,
    },
    {
      metric: "responseTime",
      label: "Response time",
      value: formatHours(rates.meanResponseHours),
      hint: `mean over ${track.offersAnswered} answers · at most ${thresholds.maxMeanResponseHours} h`,
    },
    {
      metric: null,
      label: "Shipped lines",
      value: String(track.linesShipped),
      hint: `${track.offersAnswered + track.offersExpired} offers answered or expired`,
    },
  ];

  return (
    <>
      <p className="hint">
        <Link href="/ops/quality">← Partner quality</Link>
      </p>
      <h1>{supplier.name}</h1>
      <p className="muted">
        {[supplier.city, countryName(supplier.countryCode)].filter(Boolean).join(", ")} · last 365 days
        {supplier.computedAt ? `, computed ${formatMoment(supplier.computedAt)}` : ", no record computed yet"}
      </p>
      {supplier.flags.length > 0 ? (
        <div className={`alert error ${styles.flagAlert}`} role="status" data-testid="flagged-for-review">
          <strong>Flagged for review</strong>
          <ul>
            {supplier.flags.map((flag) => (
              <li key={flag.metric}>{flag.message}</li>
            ))}
          </ul>
          <span>
            While flagged, the matcher multiplies its score by {flaggedScoreFactor} (matching settings version{" "}
            {settingsVersion}).
          </span>
        </div>
      ) : (
        <p className="alert ok" role="status">
          Not flagged: every rate with enough data behind it is within the thresholds of matching settings
          version {settingsVersion}.
        </p>
      )}
      <div className={scoreTilesStyles.scoreTiles}>
        {tiles.map((tile) => (
          <div
            key={tile.label}
            className={tile.metric && flaggedOn(tile.metric) ? `card ${qualityStyles.offThreshold}` : "card"}
          >
            <span className="muted">{tile.label}</span>
            <strong>{tile.value}</strong>
            <span className="hint">{tile.hint}</span>
          </div>
        ))}
      </div>

      <h2>The last 12 months</h2>
      <p className="muted">
        Month by month in Germany&apos;s calendar: an offer counts in the month it was made, a line in the
        month it shipped. A month without data is left out of a line and marked “–” under the bars.
      </p>
      <div className={styles.chartGrid}>
        <LineChart
          title="On-time delivery and rejected offers"
          categories={categories}
          series={[
            { label: "On time", color: colors.onTime, values: months.map((month) => month.onTimeRate) },
            {
              label: "Rejected or unanswered",
              color: colors.rejection,
              values: months.map((month) => month.rejectionRate),
            },
          ]}
          thresholds={[
            { label: "On-time minimum", value: thresholds.minOnTimeRate, color: colors.onTime },
            { label: "Rejection maximum", value: thresholds.maxRejectionRate, color: colors.rejection },
          ]}
          yMin={0}
          yMax={1}
          yTicks={[0, 0.25, 0.5, 0.75, 1]}
          format={(value) => formatPercent(value)}
          xAxisLabel={xAxisLabel}
          yAxisLabel="Share"
        />
        <StackedBarChart
          title="Shipped lines, on time and late"
          categories={categories}
          stacks={[
            { label: "On time", color: colors.ok, values: months.map((month) => month.onTime) },
            {
              label: "Late",
              color: colors.late,
              values: months.map((month) => month.shipped - month.onTime),
            },
          ]}
          noData={months.map((month) => month.shipped === 0)}
          unit="shipped lines"
          xAxisLabel={xAxisLabel}
          yAxisLabel="Lines"
        />
        <StackedBarChart
          title="Complaints by outcome"
          categories={categories}
          stacks={[
            { label: "Upheld", color: colors.upheld, values: months.map((month) => month.complaints.upheld) },
            { label: "Open", color: colors.open, values: months.map((month) => month.complaints.open) },
            {
              label: "Rejected",
              color: colors.rejected,
              values: months.map((month) => month.complaints.rejected),
            },
          ]}
          noData={months.map((month) => month.shipped === 0 && month.complaints.total === 0)}
          unit="complaints"
          xAxisLabel={xAxisLabel}
          yAxisLabel="Complaints"
        />
        <LineChart
          title="Mean rating"
          categories={categories}
          series={[
            { label: "Mean rating", color: colors.rating, values: months.map((month) => month.meanStars) },
          ]}
          thresholds={[{ label: "Minimum", value: thresholds.minMeanStars, color: colors.rating }]}
          yMin={1}
          yMax={5}
          yTicks={[1, 2, 3, 4, 5]}
          format={(value) => formatStars(value)}
          xAxisLabel={xAxisLabel}
          yAxisLabel="Stars"
        />
        <LineChart
          title="Mean response time to offers"
          categories={categories}
          series={[
            {
              label: "Mean response time",
              color: colors.response,
              values: months.map((month) => month.meanResponseHours),
            },
          ]}
          thresholds={[{ label: "Maximum", value: thresholds.maxMeanResponseHours, color: colors.response }]}
          yMin={0}
          yMax={responseTicks.at(-1)!}
          yTicks={responseTicks}
          format={(value) => formatHours(value)}
          xAxisLabel={xAxisLabel}
          yAxisLabel="Hours"
        />
      </div>

      <h2>Month by month</h2>
      <StackTable
        columns={[
          "Month",
          "Offers",
          "Rejected or unanswered",
          "Response",
          "Shipped",
          "On time",
          "Rating",
          "Complaints",
        ]}
      >
        {[...months].reverse().map((month) => (
          <tr key={month.month}>
            <td data-label="Month">{categoryOf(month.month).long}</td>
            <td data-label="Offers">{month.offers}</td>
            <td data-label="Rejected or unanswered">
              {month.offers > 0
                ? `${formatPercent(month.rejectionRate)} (${month.rejected + month.expired})`
                : "–"}
            </td>
            <td data-label="Response">{formatHours(month.meanResponseHours)}</td>
            <td data-label="Shipped">{month.shipped}</td>
            <td data-label="On time">
              {month.shipped > 0 ? `${formatPercent(month.onTimeRate)} (${month.onTime})` : "–"}
            </td>
            <td data-label="Rating">
              {month.ratings > 0 ? `${formatStars(month.meanStars)} (${month.ratings})` : "–"}
            </td>
            <td data-label="Complaints">{complaintsOf(month)}</td>
          </tr>
        ))}
      </StackTable>
    </>
  );
}

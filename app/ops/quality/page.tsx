import type { Metadata } from "next";
import Link from "next/link";
import { StackTable } from "@/app/_components/stack-table";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import type { QualityMetric } from "@/lib/quality/quality-flags-of";
import { loadQualityOverview, type SupplierQuality } from "@/lib/quality/load-quality-overview";
import { formatHours, formatPercent, formatStars } from "./format-quality";
import styles from "./quality.module.css";
import opsStyles from "../ops.module.css";
import { badgeClass } from "@/app/_components/status-badge";
import { countryName } from "@/lib/documents/country-name";

export const metadata: Metadata = { title: "Partner quality" };

const statusLabels = {
  ACTIVE: "Active",
  PENDING_AUDIT: "Awaiting audit",
  SUSPENDED: "Suspended",
  REJECTED: "Rejected",
};

/** A figure, marked when a flag was raised on it. */
function Figure({
  supplier,
  metric,
  children,
}: {
  supplier: SupplierQuality;
  metric: QualityMetric;
  children: string;
}) {
  return supplier.flags.some((flag) => flag.metric === metric) ? (
    <strong className={styles.offThreshold}>{children}</strong>
  ) : (
    <>{children}</>
  );
}

export default async function OpsQualityPage() {
  await requirePermission("ops.console", "/ops/quality");
  const { suppliers, thresholds, flaggedScoreFactor, settingsVersion } =
    await loadQualityOverview(getPrisma());
  const flagged = suppliers.filter((supplier) => supplier.flags.length > 0).length;
  return (
    <>
      <h1>Partner quality</h1>
      <p className="muted">
        Each partner&apos;s record over the last 365 days, as the matcher sees it. A partner is flagged for
        review when on-time delivery is below {formatPercent(thresholds.minOnTimeRate)}, the mean rating below{" "}
        {thresholds.minMeanStars.toFixed(1)} ★, rejected or unanswered offers above{" "}
        {formatPercent(thresholds.maxRejectionRate)}, upheld complaints above{" "}
        {formatPercent(thresholds.maxComplaintRate)} of shipped lines, or answers take longer than{" "}
        {thresholds.maxMeanResponseHours} h on average; a rate counts from {thresholds.minShippedLines}{" "}
        shipped lines or {thresholds.minOffers} offers. While flagged, its matching score is multiplied by{" "}
        {flaggedScoreFactor}. Thresholds from matching settings version {settingsVersion} (
        <Link href="/ops/settings">Settings</Link>).
      </p>
      <p className={styles.qualitySummary}>
        {suppliers.length} partners ·{" "}
        {flagged > 0 ? (
          <span className={badgeClass("REJECTED")}>{flagged} flagged for review</span>
        ) : (
          <span className={badgeClass("ACTIVE")}>none flagged</span>
        )}
      </p>
      {suppliers.length === 0 ? (
        <p className="muted">No partner has applied yet.</p>
      ) : (
        <StackTable
          className={styles.qualityTable}
          columns={[
            "Partner",
            "Review",
            "On time",
            "Rating",
            "Rejected",
            "Upheld complaints",
            "Response",
            "Shipped lines",
          ]}
        >
          {suppliers.map((supplier) => (
            <tr
              key={supplier.companyId}
              className={supplier.flags.length > 0 ? styles.flagged : undefined}
              data-testid="quality-supplier"
            >
              <td data-label="Partner">
                <div className="cell-value">
                  <Link href={`/ops/quality/${supplier.companyId}`}>{supplier.name}</Link>
                  {supplier.status !== "ACTIVE" && (
                    <>
                      {" "}
                      <span className={badgeClass(supplier.status)}>{statusLabels[supplier.status]}</span>
                    </>
                  )}
                  <span className={`hint ${styles.supplierPlace}`}>
                    {[supplier.city, countryName(supplier.countryCode)].filter(Boolean).join(", ")}
                  </span>
                </div>
              </td>
              <td data-label="Review" className={styles.reviewCell}>
                {supplier.flags.length > 0 ? (
                  <div className={styles.flagCell}>
                    <span className={badgeClass("REJECTED")}>Flagged for review</span>
                    <ul className={opsStyles.flagReasons}>
                      {supplier.flags.map((flag) => (
                        <li key={flag.metric}>{flag.message}</li>
                      ))}
                    </ul>
                  </div>
                ) : supplier.track.linesShipped === 0 &&
                  supplier.track.offersAnswered + supplier.track.offersExpired === 0 ? (
                  <span className="hint">No record yet</span>
                ) : (
                  <span className={badgeClass("ACTIVE")}>OK</span>
                )}
              </td>
              <td data-label="On time">
                <Figure supplier={supplier} metric="onTime">
                  {formatPercent(supplier.rates.onTimeRate)}
                </Figure>
              </td>
              <td data-label="Rating">
                <span>
                  <Figure supplier={supplier} metric="rating">
                    {formatStars(supplier.rates.meanStars)}
                  </Figure>
                  {supplier.track.ratingsCount > 0 && (
                    <span className="hint"> ({supplier.track.ratingsCount})</span>
                  )}
                </span>
              </td>
              <td data-label="Rejected">
                <Figure supplier={supplier} metric="rejection">
                  {formatPercent(supplier.rates.rejectionRate)}
                </Figure>
              </td>
              <td data-label="Upheld complaints">
                <span>
                  <Figure supplier={supplier} metric="complaints">
                    {formatPercent(supplier.rates.upheldComplaintsPerShippedLine)}
                  </Figure>
                  {supplier.track.complaintsCount > 0 && (
                    <span className="hint">
                      {" "}
                      ({supplier.track.complaintsUpheld} of {supplier.track.complaintsCount} complaints)
                    </span>
                  )}
                </span>
              </td>
              <td data-label="Response">
                <Figure supplier={supplier} metric="responseTime">
                  {formatHours(supplier.rates.meanResponseHours)}
                </Figure>
              </td>
              <td data-label="Shipped lines">{supplier.track.linesShipped}</td>
            </tr>
          ))}
        </StackTable>
      )}
    </>
  );
}

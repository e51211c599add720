import type { Metadata } from "next";
import Link from "next/link";
import { formatMoment } from "@/app/_components/format-dates";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { listMatchDecisions } from "@/lib/matching/list-match-decisions";
import { formatEuros } from "@/lib/money/format-euros";
import { StackTable } from "@/app/_components/stack-table";
import { processLabel } from "@/lib/catalogue/catalogue-labels";
import disclosuresStyles from "@/app/_components/disclosures.module.css";
import opsStyles from "../ops.module.css";
import styles from "./matching.module.css";
import { badgeClass } from "@/app/_components/status-badge";

export const metadata: Metadata = { title: "Matching decisions" };

export default async function OpsMatchingPage({
  searchParams,
}: {
  searchParams: Promise<{ unmatched?: string }>;
}) {
  await requirePermission("ops.console", "/ops/matching");
  const unmatchedOnly = (await searchParams).unmatched === "1";
  const decisions = await listMatchDecisions(getPrisma(), { unmatchedOnly });
  return (
    <>
      <h1>Matching decisions</h1>
      <p className="muted">
        Every time the matcher places an order line: why it ran, the candidates it ranked with their scores,
        and why each other partner was skipped.{" "}
        {unmatchedOnly ? (
          <Link href="/ops/matching">Show all</Link>
        ) : (
          <Link href="/ops/matching?unmatched=1">Only lines nobody can take</Link>
        )}
      </p>
      {decisions.length === 0 && (
        <p className="muted">No decisions yet: they appear once orders are confirmed.</p>
      )}
      {decisions.map((decision) => (
        <details
          key={decision.id}
          className={`card ${disclosuresStyles.decision}`}
          data-testid="match-decision"
        >
          <summary>
            <strong>{decision.orderLine.order.number}</strong> · {decision.orderLine.quantity} ×{" "}
            {decision.orderLine.part.originalFileName} ({processLabel(decision.orderLine.process)},{" "}
            {decision.orderLine.materialCode}) · {decision.trigger || "matched"} ·{" "}
            {formatMoment(decision.createdAt)} →{" "}
            {decision.chosenName ? (
              <span className={badgeClass("ACTIVE")}>{decision.chosenName}</span>
            ) : (
              <span className={badgeClass("REJECTED")}>nobody</span>
            )}
          </summary>
          <p className="hint">
            {decision.record.hoursNeeded.toFixed(1)} machine hours between{" "}
            {decision.record.productionWindow.firstDay} and {decision.record.productionWindow.lastDay};
            settings version {decision.settingsVersion ?? "–"}; {decision.durationMs?.toFixed(0) ?? "–"} ms;{" "}
            {decision.record.notOfferingProcess} partners do not offer the process.
          </p>
          <StackTable columns={["Rank", "Partner", "Score", "Distance", "Free hours", "Their price"]}>
            {decision.record.ranked.map((candidate) => (
              <tr key={candidate.companyId}>
                <td data-label="Rank">{candidate.rank}</td>
                <td data-label="Partner">
                  <div>
                    {candidate.name}
                    {candidate.flags && candidate.flags.length > 0 && (
                      <>
                        {" "}
                        <Link
                          href={`/ops/quality/${candidate.companyId}`}
                          className={badgeClass("REJECTED")}
                          title="This partner's quality record"
                          data-testid="flagged-candidate"
                        >
                          flagged
                        </Link>
                        <span className={`hint ${opsStyles.flagReasons}`}>{candidate.flags.join("; ")}</span>
                      </>
                    )}
                  </div>
                </td>
                <td data-label="Score">
                  <div>
                    {candidate.score.toFixed(3)}
                    {candidate.unflaggedScore !== undefined &&
                      candidate.unflaggedScore !== candidate.score && (
                        <span className="hint"> (unflagged {candidate.unflaggedScore.toFixed(3)})</span>
                      )}
                  </div>
                </td>
                <td data-label="Distance">
                  {candidate.distanceKm === null ? "–" : `${candidate.distanceKm.toFixed(0)} km`}
                </td>
                <td data-label="Free hours">{candidate.freeHours.toFixed(1)}</td>
                <td data-label="Their price">{formatEuros(candidate.supplierPriceCents)}</td>
              </tr>
            ))}
          </StackTable>
          {decision.record.skipped.length > 0 && (
            <ul className={styles.skipped}>
              {decision.record.skipped.map((entry) => (
                <li key={entry.companyId}>
                  <strong>{entry.name}</strong>: {entry.reason}
                </li>
              ))}
            </ul>
          )}
        </details>
      ))}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { formatMoment } from "@/app/_components/format-dates";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { listMatchDecisions } from "@/lib/matching/list-match-decisions";
import { processLabel } from "@/lib/catalogue/catalogue-labels";
import disclosuresStyles from "@/app/_components/disclosures.module.css";
import { RankedCandidatesTable } from "./ranked-candidates-table";
import { SkippedSummary } from "./skipped-summary";
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
        Every time the matcher places an order line: why it ran, the candidates it ranked with each factor of
        their scores, and why the other partners were skipped.{" "}
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
            {decision.orderLine.quote.material.name}) · {decision.trigger || "matched"} ·{" "}
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
            settings version {decision.settingsVersion ?? "–"}; {decision.durationMs?.toFixed(0) ?? "–"} ms.
          </p>
          <RankedCandidatesTable ranked={decision.record.ranked} weights={decision.record.weights} />
          <SkippedSummary
            skipped={decision.record.skipped}
            skippedByRule={decision.record.skippedByRule}
            notOfferingProcess={decision.record.notOfferingProcess}
            processName={processLabel(decision.orderLine.process)}
          />
        </details>
      ))}
    </>
  );
}

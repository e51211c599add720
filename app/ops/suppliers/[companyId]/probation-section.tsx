import { formatDay, formatMoment } from "@/app/_components/format-dates";
import { formatEuros } from "@/lib/money/format-euros";
import type { loadSupplierProbation } from "@/lib/probation/load-supplier-probation";
import { LiftProbationForm } from "./probation-forms";

/**
 * The partner's probation (issue 21): the limits the matcher holds it to since an approval with
 * conditions, how many open jobs it holds against them, the conditions' due date, and the form to lift it.
 */
export function ProbationSection({
  companyId,
  probation,
  today,
}: {
  companyId: string;
  probation: Awaited<ReturnType<typeof loadSupplierProbation>>;
  today: string;
}) {
  const open = probation.open;
  if (!open && probation.ended.length === 0) return null;
  return (
    <section aria-labelledby="probation-heading">
      <h2 id="probation-heading">Probation</h2>
      <div className="card" data-testid="probation">
        {open ? (
          <>
            <p className={`alert ${open.conditionsDueOn < today ? "error" : "warn"}`}>
              On probation since {formatMoment(open.startedAt)}: the matcher offers no job above{" "}
              {open.maxOrderValueCents === null
                ? "any value (no limit)"
                : formatEuros(open.maxOrderValueCents)}{" "}
              and no more than {open.maxOpenJobs === null ? "any number of (no limit)" : open.maxOpenJobs}{" "}
              open jobs (it holds {open.openJobs} now). Conditions due by{" "}
              {formatDay(new Date(`${open.conditionsDueOn}T00:00:00Z`))}
              {open.conditionsDueOn < today ? ": overdue, so it receives no offers until you lift it." : "."}
            </p>
            <LiftProbationForm companyId={companyId} />
          </>
        ) : (
          <p className="muted">Not on probation.</p>
        )}
        {probation.ended.length > 0 && (
          <ul className="hint">
            {probation.ended.map((ended) => (
              <li key={ended.id}>
                {formatMoment(ended.startedAt)} – {formatMoment(ended.liftedAt)}: {ended.liftReason}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

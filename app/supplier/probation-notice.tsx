import Link from "next/link";
import { Fragment } from "react";
import { getPrisma } from "@/lib/db/prisma";
import { describeProbation } from "@/lib/probation/describe-probation";
import { loadOwnProbation } from "@/lib/probation/load-own-probation";
import { quoteDay } from "@/lib/quotes/quote-day";
import factsStyles from "@/app/_components/facts.module.css";
import styles from "./probation.module.css";

/**
 * Issue 21 weak spot (decision 0048): a partner on probation sees it in the portal, not only in the
 * approval e-mail. The offers page shows a banner, the profile a section with the limits, where the
 * partner stands against them, the due date, the audit's conditions and what lifts the probation.
 */
export async function ProbationBanner({ companyId }: { companyId: string }) {
  const probation = await loadOwnProbation(getPrisma(), companyId);
  if (!probation) return null;
  const text = describeProbation(probation, quoteDay());
  return (
    <div
      className={`alert ${text.overdue ? "error" : "warn"} ${styles.banner}`}
      role="status"
      data-testid="probation-notice"
    >
      <p>
        <strong>{text.headline}</strong>
      </p>
      <p>{text.offers}</p>
      <p>
        <Link href="/supplier/profile#probation">The conditions and what lifts the probation</Link>
      </p>
    </div>
  );
}

export async function ProbationSection({ companyId }: { companyId: string }) {
  const probation = await loadOwnProbation(getPrisma(), companyId);
  if (!probation) return null;
  const text = describeProbation(probation, quoteDay());
  return (
    <section
      id="probation"
      className={`card ${styles.section}`}
      aria-labelledby="probation-heading"
      data-testid="probation-section"
    >
      <h2 id="probation-heading">Probation</h2>
      <p>{text.headline}</p>
      <dl className={factsStyles.facts}>
        {text.limits.map((limit) => (
          <Fragment key={limit.label}>
            <dt>{limit.label}</dt>
            <dd>{limit.value}</dd>
          </Fragment>
        ))}
      </dl>
      <p>{text.offers}</p>
      {probation.conditions && (
        <>
          <h3>The conditions of your audit</h3>
          <p className={styles.conditions}>{probation.conditions}</p>
        </>
      )}
      <h3>What lifts it</h3>
      <p>{text.lifts}</p>
    </section>
  );
}

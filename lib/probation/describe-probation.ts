import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import { formatEuros } from "../money/format-euros";
import { formatIsoDay } from "../dates/format-day";

/** A supplier's open probation as its own portal shows it (load-own-probation.ts). */
export interface OwnProbation {
  maxOrderValueCents: number | null;
  maxOpenJobs: number | null;
  conditionsDueOn: IsoDate;
  startedAt: Date;
  /** Offers waiting for its answer and accepted jobs not yet shipped, as the matcher counts them. */
  openJobs: number;
  /** What the audit's approval with conditions asks of it; null for an older probation without an audit. */
  conditions: string | null;
}

/**
 * What the probation means for the supplier in sentences, the rules of lib/matching/probation-refusal.ts
 * told from its side: which offers it gets now, whether its open jobs have reached the limit (then no new
 * offer until one ships or is cancelled), and that the due date passing without the conditions confirmed
 * stops all new offers. `limits` lists each limit with where the supplier stands.
 */
export function describeProbation(probation: OwnProbation, today: IsoDate) {
  const due = formatIsoDay(probation.conditionsDueOn);
  const overdue = probation.conditionsDueOn < today;
  const full = probation.maxOpenJobs !== null && probation.openJobs >= probation.maxOpenJobs;
  const limits: { label: string; value: string }[] = [
    {
      label: "Largest job value",
      value:
        probation.maxOrderValueCents === null
          ? "No limit"
          : `${formatEuros(probation.maxOrderValueCents)} per job`,
    },
    {
      label: "Open jobs at a time",
      value:
        probation.maxOpenJobs === null
          ? `No limit (you hold ${probation.openJobs})`
          : `At most ${probation.maxOpenJobs}; you hold ${probation.openJobs}`,
    },
    { label: "Conditions due by", value: overdue ? `${due}, passed` : due },
  ];
  const within = [
    probation.maxOrderValueCents !== null
      ? `worth up to ${formatEuros(probation.maxOrderValueCents)} each`
      : "",
    probation.maxOpenJobs !== null
      ? `while you hold fewer than ${probation.maxOpenJobs} open job${probation.maxOpenJobs === 1 ? "" : "s"}`
      : "",
  ].filter(Boolean);
  const offers = overdue
    ? `The conditions were due by ${due} and are not yet confirmed met: you receive no new offers until operations lift the probation.`
    : full
      ? `You hold ${probation.openJobs} open job${probation.openJobs === 1 ? "" : "s"}, your limit: new offers come once one of them ships or is cancelled.`
      : `You receive offers${within.length > 0 ? ` ${within.join(", ")}` : " as usual until the due date"}.`;
  return {
    headline: `You are on probation until operations confirm the conditions of your audit are met (due by ${due}).`,
    offers,
    limits,
    overdue,
    lifts: `Operations lift the probation once they have checked that the conditions are met: send what shows it (a measurement report, a certificate) by replying to the approval e-mail, before ${due}. From then on you receive jobs of any value and number again.`,
  };
}

import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import { formatEuros } from "../money/format-euros";
import type { ProbationLimits } from "./load-probations";
import { formatIsoDay } from "@/lib/dates/format-day";

/**
 * Why a supplier on probation may not get a job, or null when it may: its conditions' due date has passed
 * without operations lifting the probation, the job pays more than its limit, or it holds as many open
 * jobs as it may. A supplier without probation is never refused here.
 */
export function probationRefusal(
  probation: ProbationLimits | null | undefined,
  supplierPriceCents: number,
  today: IsoDate,
): string | null {
  if (!probation) return null;
  if (probation.conditionsDueOn < today)
    return `is on probation and its conditions were due on ${formatIsoDay(probation.conditionsDueOn)}, not yet confirmed met`;
  if (probation.maxOrderValueCents !== null && supplierPriceCents > probation.maxOrderValueCents)
    return `is on probation: the job (${formatEuros(supplierPriceCents)}) is above its limit of ${formatEuros(probation.maxOrderValueCents)}`;
  if (probation.maxOpenJobs !== null && probation.openJobs >= probation.maxOpenJobs)
    return `is on probation: it holds ${probation.openJobs} open job${probation.openJobs === 1 ? "" : "s"}, its limit`;
  return null;
}

/**
 * The rules a skipped supplier failed (rank-candidates.ts SkipRule and the matcher's own), for people.
 * Issue 21: created by i21-offers with its entries; the operations branch adds the others.
 */
export const skipReasonLabels: Record<string, string> = {
  probation: "On probation: above its job value or open-jobs limit, or its conditions are overdue",
};

import type { ManualQuoteStatus } from "../db/generated/enums";

/** A manual quote request's status in operations' words. */
export const manualQuoteStatusLabels: Record<ManualQuoteStatus, string> = {
  OPEN: "Waiting for a price",
  ANSWERED: "Quoted",
  DECLINED: "Declined",
};

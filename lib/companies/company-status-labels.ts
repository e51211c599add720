import type { CompanyStatus } from "../db/generated/enums";

/** A supplier's status as operations read it. */
export const companyStatusLabels: Record<CompanyStatus, string> = {
  ACTIVE: "Active",
  PENDING_AUDIT: "Awaiting audit",
  SUSPENDED: "Suspended",
  REJECTED: "Rejected",
};

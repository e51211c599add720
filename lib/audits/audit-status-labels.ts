import type { AuditStatus } from "../db/generated/enums";

/** An audit's status as operations read it. */
export const auditStatusLabels: Record<AuditStatus, string> = {
  PENDING: "Not started",
  IN_PROGRESS: "In progress",
  APPROVED: "Approved",
  APPROVED_WITH_CONDITIONS: "Approved with conditions",
  REJECTED: "Rejected",
};

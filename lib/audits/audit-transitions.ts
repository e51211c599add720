import type { AuditStatus } from "../db/generated/enums";
import { transitionTable } from "../transitions/transition-table";

/**
 * The allowed moves of a supplier audit. It is opened PENDING, is IN_PROGRESS from the first checklist entry
 * or evidence file, and is decided once; auditing again means opening a new audit. Written only by
 * lib/audits/move-audit.ts.
 */
export const auditTransitions = transitionTable<AuditStatus>("audit", ["PENDING"], {
  PENDING: ["IN_PROGRESS", "APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"],
  IN_PROGRESS: ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"],
  APPROVED: [],
  APPROVED_WITH_CONDITIONS: [],
  REJECTED: [],
});

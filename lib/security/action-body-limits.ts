import { maxComplaintPhotoBytes } from "../complaints/complaint-photo-limits";
import { maxDrawingBytes } from "../quotes/request-manual-quote";
import { maxCertificateFileBytes } from "../suppliers/add-certificate";
import { maxStatementBytes } from "../bank-transfers/import-bank-statement";
import type { actionGuards } from "../auth/guard-table";

type ActionKey = keyof typeof actionGuards;

/** Room for the form's other fields and React's encoding of the action's arguments around the files. */
const formOverheadBytes = 256 * 1024;

/**
 * A server action's form without files: text fields, and React's encoding of the previous form state.
 * Generous against real forms (a long note is a few KB), small against a flood.
 */
export const defaultActionBodyBytes = formOverheadBytes;

/** The actions that carry files, each with the most its files may add up to (the lib function's limits). */
const fileActionBodyBytes: Partial<Record<ActionKey, number>> = {
  "app/parts/[partId]/actions.ts#requestManualQuoteAction": maxDrawingBytes + formOverheadBytes,
  "app/orders/[orderId]/actions.ts#complainAction": 5 * maxComplaintPhotoBytes + formOverheadBytes,
  "app/supplier/jobs/[orderLineId]/talk-actions.ts#answerComplaintAction":
    5 * maxComplaintPhotoBytes + formOverheadBytes,
  "app/ops/suppliers/[companyId]/actions.ts#addEvidenceAction": maxCertificateFileBytes + formOverheadBytes,
  "app/supplier/profile/actions.ts#addCertificateAction": maxCertificateFileBytes + formOverheadBytes,
  "app/ops/payments/bank-statements/actions.ts#uploadBankStatementAction":
    maxStatementBytes + formOverheadBytes,
};

/**
 * The largest body a server action may be sent, by its `<file>#<export>` key: Next reads an action's whole
 * body into memory (up to `serverActions.bodySizeLimit` in next.config.js, which must fit the largest
 * file action), so the start script's server refuses a larger announced body before Next reads a byte.
 */
export function actionBodyLimitBytes(actionKey: string | undefined): number {
  return (actionKey && fileActionBodyBytes[actionKey as ActionKey]) || defaultActionBodyBytes;
}

import { maxFilesOf, type ChosenFilesRule } from "../forms/chosen-files-refusal";
import { uploadFileRules } from "../forms/upload-file-rules";
import type { actionGuards } from "../auth/guard-table";

type ActionKey = keyof typeof actionGuards;

/** Room for the form's other fields and React's encoding of the action's arguments around the files. */
const formOverheadBytes = 256 * 1024;

/**
 * A server action's form without files: text fields, and React's encoding of the previous form state.
 * Generous against real forms (a long note is a few KB), small against a flood.
 */
export const defaultActionBodyBytes = formOverheadBytes;

/** The most a form whose files follow the rule may carry. */
const bodyBytesFor = (rule: ChosenFilesRule) => maxFilesOf(rule) * rule.maxBytes + formOverheadBytes;

/**
 * The actions that carry files, each with the most its files may add up to (the rules their lib functions
 * check). An action with a file input missing here is refused past 256 KB before it runs.
 */
const fileActionBodyBytes: Partial<Record<ActionKey, number>> = {
  "app/parts/[partId]/actions.ts#requestManualQuoteAction": bodyBytesFor(uploadFileRules.drawing),
  "app/orders/[orderId]/actions.ts#complainAction": bodyBytesFor(uploadFileRules.complaintPhotos),
  "app/supplier/jobs/[orderLineId]/talk-actions.ts#answerComplaintAction": bodyBytesFor(
    uploadFileRules.complaintPhotos,
  ),
  "app/ops/suppliers/[companyId]/actions.ts#addEvidenceAction": bodyBytesFor(uploadFileRules.scan),
  "app/supplier/profile/actions.ts#addCertificateAction": bodyBytesFor(uploadFileRules.scan),
  "app/ops/payments/bank-statements/actions.ts#uploadBankStatementAction": bodyBytesFor(
    uploadFileRules.bankStatement,
  ),
  "app/supplier/jobs/[orderLineId]/quality-actions.ts#uploadQualityDocumentAction": bodyBytesFor(
    uploadFileRules.qualityDocument,
  ),
};

/**
 * The largest body a server action may be sent, by its `<file>#<export>` key: Next reads an action's whole
 * body into memory (up to `serverActions.bodySizeLimit` in next.config.js, which must fit the largest
 * file action), so the start script's server refuses a larger announced body before Next reads a byte.
 */
export function actionBodyLimitBytes(actionKey: string | undefined): number {
  return (actionKey && fileActionBodyBytes[actionKey as ActionKey]) || defaultActionBodyBytes;
}

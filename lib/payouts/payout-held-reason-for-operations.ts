import { payoutHeldReasons } from "./payout-method-for";

/**
 * Why a held payout waits, for operations. The stored reason (`Payout.heldReason`) is written for the
 * partner ("enter your VAT ID … under Profile → Tax details"); operations read the same fact about the
 * partner. A reason written elsewhere (an operator's own note) is shown as it was written.
 */
const forOperations: Record<string, string> = {
  [payoutHeldReasons.missingDetails]:
    "The partner has given no payout details yet (neither a Stripe account nor a bank account).",
  [payoutHeldReasons.complaint]: "A complaint about this part is open: decide it before the payout goes.",
  [payoutHeldReasons.missingTaxData]:
    "The partner's tax details are missing (VAT ID or German tax number): no self-billing invoice until they are entered.",
};

export function payoutHeldReasonForOperations(heldReason: string): string {
  return forOperations[heldReason] ?? heldReason;
}

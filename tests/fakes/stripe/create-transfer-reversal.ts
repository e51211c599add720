import { checkParams, type ParamSchema } from "./check-params";
import type { PlatformBalance } from "./create-platform-balance";
import { formatMoney } from "./format-money";
import { ParamReader } from "./param-reader";
import type { FormObject } from "./parse-form-body";
import { randomId } from "./random-id";
import { StripeApiError } from "./stripe-api-error";
import type { StripeObject, Transfer, TransferReversal } from "./stripe-objects";

const transferReversalSchema: ParamSchema = {
  amount: "use",
  description: "ignore",
  metadata: "use",
  expand: "use",
  refund_application_fee: "ignore",
};

interface TransferReversalDeps {
  transfers: ReadonlyMap<string, Transfer>;
  balance: PlatformBalance;
  now: () => number;
  emit: (type: string, object: StripeObject, previousAttributes?: Record<string, unknown>) => void;
}

/**
 * POST /v1/transfers/:id/reversals: takes back all (no amount) or part of a transfer, as often as
 * something is left; the money returns to the platform's available balance, the transfer's
 * `amount_reversed` and `reversed` change, and Stripe sends `transfer.reversed` (also for partial
 * reversals). A fully reversed transfer cannot be reversed again.
 */
export function createTransferReversal(
  { transfers, balance, now, emit }: TransferReversalDeps,
  transferId: string,
  params: FormObject,
): TransferReversal {
  checkParams(params, transferReversalSchema, "POST /v1/transfers/:id/reversals");
  const transfer = transfers.get(transferId);
  if (!transfer) throw StripeApiError.resourceMissing("transfer", transferId);
  const p = new ParamReader(params);
  const left = transfer.amount - transfer.amount_reversed;
  if (left === 0)
    throw StripeApiError.refused(`Transfer ${transfer.id} has already been fully reversed.`, {
      code: "transfer_already_reversed",
    });
  const amount = p.integer("amount", { min: 1 }) ?? left;
  if (amount > left)
    throw StripeApiError.refused(
      `You cannot reverse more than the amount left on the transfer (${formatMoney(left, transfer.currency)} ${transfer.currency}).`,
      { param: "amount" },
    );
  const reversal: TransferReversal = {
    id: randomId("trr_1"),
    object: "transfer_reversal",
    amount,
    balance_transaction: randomId("txn_1"),
    created: now(),
    currency: transfer.currency,
    destination_payment_refund: randomId("pyr_1"),
    metadata: p.metadata(),
    source_refund: null,
    transfer: transfer.id,
  };
  const previous = { amount_reversed: transfer.amount_reversed, reversed: transfer.reversed };
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  transfer.reversals.data.unshift(reversal);
  transfer.reversals.total_count += 1;
  balance.reverseTransfer(amount, transfer.currency);
  emit("transfer.reversed", transfer, previous);
  return reversal;
}

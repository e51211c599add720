"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/prisma";
import { formStateFromError, type FormErrorState } from "@/lib/errors/form-state-from-error";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { markInvoicePaid } from "@/lib/payments/mark-invoice-paid";
import { markPayoutTransferred } from "@/lib/payouts/mark-payout-transferred";
import { retryPayout } from "@/lib/payouts/retry-payout";
import { refusedFormState } from "@/lib/errors/refused-form-state";

export interface PaymentsActionState extends FormErrorState {
  success?: string;
  /** What was typed, so a refused form shows it again. */
  values?: Record<string, string>;
}

const path = "/ops/payments";

export const runLedgerCheckAction = guardedAction(
  "ops.payments.manage",
  async (_user, _previous: PaymentsActionState, _formData: FormData): Promise<PaymentsActionState> => {
    let check: Awaited<ReturnType<typeof checkLedger>>;
    try {
      check = await checkLedger(getPrisma());
    } catch (error) {
      return formStateFromError(error, "run the ledger check");
    }
    revalidatePath(path);
    const found = check.differences.length;
    return {
      success:
        found === 0
          ? `Checked ${check.ordersChecked} orders just now: the books agree.`
          : `Checked ${check.ordersChecked} orders just now: ${found} difference${found === 1 ? "" : "s"}, listed below and e-mailed to operations.`,
    };
  },
);

// The row of a form below leaves its list on success, so success is told at the top of the page.

export const markInvoicePaidAction = guardedAction(
  "ops.payments.manage",
  async (user, _previous: PaymentsActionState, formData: FormData): Promise<PaymentsActionState> => {
    try {
      await markInvoicePaid(getPrisma(), { userId: user.id }, String(formData.get("invoiceId") ?? ""), {
        paidOn: formData.get("paidOn") ?? "",
        reference: formData.get("reference") ?? "",
      });
    } catch (error) {
      return refusedFormState(error, "mark the invoice paid", formData);
    }
    revalidatePath(path);
    redirect(`${path}?done=invoice-paid`);
  },
);

export const retryPayoutAction = guardedAction(
  "ops.payments.manage",
  async (user, _previous: PaymentsActionState, formData: FormData): Promise<PaymentsActionState> => {
    const payoutId = String(formData.get("payoutId") ?? "");
    let byStripe: boolean;
    try {
      byStripe = await retryPayout(getPrisma(), { userId: user.id }, payoutId);
    } catch (error) {
      return formStateFromError(error, "retry the payout");
    }
    revalidatePath(path);
    redirect(`${path}?done=${byStripe ? "payout-retried-stripe" : "payout-retried-bank"}`);
  },
);

export const markPayoutTransferredAction = guardedAction(
  "ops.payments.manage",
  async (user, _previous: PaymentsActionState, formData: FormData): Promise<PaymentsActionState> => {
    try {
      await markPayoutTransferred(getPrisma(), { userId: user.id }, String(formData.get("payoutId") ?? ""), {
        reference: formData.get("reference") ?? "",
      });
    } catch (error) {
      return refusedFormState(error, "record the transfer", formData);
    }
    revalidatePath(path);
    redirect(`${path}?done=payout-transferred`);
  },
);

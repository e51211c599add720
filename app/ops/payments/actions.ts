"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { markInvoicePaid } from "@/lib/payments/mark-invoice-paid";
import { markPayoutTransferred } from "@/lib/payouts/mark-payout-transferred";
import { retryPayout } from "@/lib/payouts/retry-payout";

const path = "/ops/payments";

export const runLedgerCheckAction = formAction(
  "ops.payments.manage",
  z.object({}),
  async () => {
    const check = await checkLedger(getPrisma());
    revalidatePath(path);
    const found = check.differences.length;
    return found === 0
      ? `Checked ${check.ordersChecked} orders just now: the books agree.`
      : `Checked ${check.ordersChecked} orders just now: ${found} difference${found === 1 ? "" : "s"}, listed below and e-mailed to operations.`;
  },
  { failure: "run the ledger check" },
);

// The row of a form below leaves its list on success, so success is told at the top of the page.

export const markInvoicePaidAction = formAction(
  "ops.payments.manage",
  z.object({ invoiceId: formText, paidOn: formText, reference: formText }),
  async ({ invoiceId, ...payment }, { user }) => {
    await markInvoicePaid(getPrisma(), { userId: user.id }, invoiceId, payment);
    revalidatePath(path);
    redirect(`${path}?done=invoice-paid`);
  },
  { failure: "mark the invoice paid" },
);

export const retryPayoutAction = formAction(
  "ops.payments.manage",
  z.object({ payoutId: formText }),
  async ({ payoutId }, { user }) => {
    const byStripe = await retryPayout(getPrisma(), { userId: user.id }, payoutId);
    revalidatePath(path);
    redirect(`${path}?done=${byStripe ? "payout-retried-stripe" : "payout-retried-bank"}`);
  },
  { failure: "retry the payout" },
);

export const markPayoutTransferredAction = formAction(
  "ops.payments.manage",
  z.object({ payoutId: formText, reference: formText }),
  async ({ payoutId, reference }, { user }) => {
    await markPayoutTransferred(getPrisma(), { userId: user.id }, payoutId, { reference });
    revalidatePath(path);
    redirect(`${path}?done=payout-transferred`);
  },
  { failure: "record the transfer" },
);

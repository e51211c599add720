"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { formatEuros } from "@/lib/money/format-euros";
import { assignBankEntry } from "@/lib/bank-transfers/assign-bank-entry";
import { importBankStatement } from "@/lib/bank-transfers/import-bank-statement";
import { settleBankCredit } from "@/lib/bank-transfers/settle-bank-credit";
import { AppError } from "@/lib/errors/app-error";

const path = "/ops/payments/bank-statements";

/** The upload's text as a stream of decoded chunks: the CAMT.053 parser reads it as it comes. */
async function* textChunks(file: File) {
  const decoder = new TextDecoder("utf-8");
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield decoder.decode(value, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

export const uploadBankStatementAction = formAction(
  "ops.payments.manage",
  z.object({}),
  async (_input, { user, formData }) => {
    const file = formData.get("statement");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("validation_failed", "Choose the bank statement file (CAMT.053 XML or CSV).", {
        field: "statement",
      });
    const result = await importBankStatement(
      getPrisma(),
      { userId: user.id },
      { name: file.name, size: file.size, chunks: textChunks(file) },
    );
    revalidatePath(path);
    revalidatePath("/ops/payments");
    if (result.statementId === null)
      return `Nothing new: all ${result.credits} incoming payments of “${file.name}” were imported before.`;
    const parts = [
      [result.paid, "paid in full"],
      [result.overpaid, "paid with money to refund or keep"],
      [result.partial, "partly paid"],
      [result.unmatched, "without a known reference"],
    ]
      .filter(([count]) => Number(count) > 0)
      .map(([count, what]) => `${count} ${what}`);
    const fresh = result.credits - result.alreadyImported;
    return `Read “${file.name}”: ${fresh} new incoming payment${fresh === 1 ? "" : "s"} (${parts.join(", ")})${result.alreadyImported ? `, ${result.alreadyImported} imported before` : ""}; ${result.debitsIgnored} outgoing ignored.`;
  },
  { failure: "read the bank statement" },
);

export const assignBankEntryAction = formAction(
  "ops.payments.manage",
  z.object({ entryId: formText, orderNumber: formText }),
  async ({ entryId, orderNumber }, { user }) => {
    const applied = await assignBankEntry(getPrisma(), { userId: user.id }, entryId, { orderNumber });
    revalidatePath(path);
    return applied.outcome === "PAID"
      ? `Booked to ${applied.orderNumber}: it is paid in full and goes to a partner now.`
      : applied.outcome === "PARTIAL"
        ? `Booked to ${applied.orderNumber}: partly paid; the buyer is asked for the rest.`
        : `Booked to ${applied.orderNumber}: ${formatEuros(applied.surplusCents)} is a credit to refund or keep.`;
  },
  { failure: "assign the payment", valueField: "orderNumber" },
);

export const settleBankCreditAction = formAction(
  "ops.payments.manage",
  z.object({ entryId: formText, decision: formText, note: formText }),
  async ({ entryId, decision, note }, { user }) => {
    await settleBankCredit(getPrisma(), { userId: user.id }, entryId, { decision, note });
    revalidatePath(path);
    return decision === "KEPT" ? "The credit is kept." : "The refund is recorded.";
  },
  { failure: "settle the credit", valueField: "note" },
);

import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import type { SupplierEditor } from "../suppliers/assert-supplier-admin";
import { assertSupplierMay } from "../suppliers/assert-supplier-may";
import { queuePayoutAccountNotice } from "./queue-payout-account-notice";
import { releasePayoutsAwaitingDetails } from "./release-payouts-awaiting-details";
import { sepaPayoutRefusal } from "./sepa-payout-refusal";
import { validateIban } from "./validate-iban";
import { whenFieldsParsed } from "../forms/when-fields-parsed";

const bankDetailsSchema = z
  .object({
    accountHolder: z
      .string({ error: "Enter the account holder's name as the bank knows it." })
      .trim()
      .min(2, "Enter the account holder's name as the bank knows it.")
      .max(140, "Keep the account holder under 140 characters."),
    // Checked in the schema, not after it, so a bad IBAN is reported together with the other fields.
    iban: z.string({ error: "Enter the IBAN of the account we pay into." }).transform((raw, ctx) => {
      const check = validateIban(raw);
      if (check.ok) return check.iban;
      ctx.addIssue({ code: "custom", message: check.message });
      return z.NEVER;
    }),
    bic: z
      .string()
      .optional()
      .transform((raw) => (raw ?? "").replace(/\s+/g, "").toUpperCase())
      .pipe(
        z
          .string()
          .regex(
            /^([A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?)?$/,
            "A BIC has 8 or 11 letters and digits, e.g. COBADEFFXXX, or leave it empty.",
          ),
      )
      .transform((bic) => bic || null),
  })
  // Once the IBAN and BIC are valid (whatever the account holder's field says), the payout must be able
  // to reach that account.
  .superRefine(
    (details, ctx) => {
      const refusal = sepaPayoutRefusal(details.iban, details.bic);
      if (refusal) ctx.addIssue({ code: "custom", path: [refusal.field], message: refusal.message });
    },
    whenFieldsParsed("iban", "bic"),
  );

export type BankDetailsInput = z.input<typeof bankDetailsSchema>;

/** What the audit log keeps of bank details: never the whole IBAN. */
const loggable = (details: {
  bankAccountHolder: string | null;
  bankIban: string | null;
  bankBic: string | null;
}) => ({
  accountHolder: details.bankAccountHolder,
  ibanLast4: details.bankIban?.slice(-4) ?? null,
  bic: details.bankBic,
});

/**
 * The account a supplier without a Stripe account is paid into by manual bank transfer. Admins only;
 * the IBAN is stored in its electronic form (upper case, no spaces) once its country, length and check
 * digits are right. In the same transaction the supplier's payouts held for missing details are released.
 * A new account is e-mailed to the partner's admins and finance users (queue-payout-account-notice.ts).
 * Returns the ids of those to pay by Stripe transfer now (none unless Stripe payouts are enabled too).
 */
export async function saveBankDetails(
  db: Database,
  editor: SupplierEditor,
  input: unknown,
): Promise<string[]> {
  assertSupplierMay(editor, "supplier.payouts.edit", "change the payout details");
  const details = bankDetailsSchema.parse(input);
  const saved = { bankAccountHolder: details.accountHolder, bankIban: details.iban, bankBic: details.bic };
  return db.$transaction(async (tx) => {
    const before = await tx.company.findUniqueOrThrow({
      where: { id: editor.companyId },
      select: { bankAccountHolder: true, bankIban: true, bankBic: true },
    });
    await tx.company.update({ where: { id: editor.companyId }, data: saved });
    await recordAuditLog(tx, {
      actorUserId: editor.userId,
      companyId: editor.companyId,
      action: "payouts.bank-details",
      entityType: "Company",
      entityId: editor.companyId,
      data: { from: loggable(before), to: loggable(saved) },
    });
    if (before.bankIban !== saved.bankIban || before.bankAccountHolder !== saved.bankAccountHolder)
      await queuePayoutAccountNotice(
        tx,
        {
          companyId: editor.companyId,
          changedByUserId: editor.userId,
          accountHolder: saved.bankAccountHolder,
          iban: saved.bankIban,
        },
        new Date(),
      );
    return releasePayoutsAwaitingDetails(tx, editor.companyId);
  });
}

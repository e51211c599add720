import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { formatEuros } from "../money/format-euros";
import { emailCompanyAdmins } from "./email-company-admins";
import { invoiceTermsGrantSchema, reasonSchema } from "./invoice-terms-fields";
import { lockBuyerWithInvoiceTerms } from "./lock-buyer-with-invoice-terms";

const changeSchema = invoiceTermsGrantSchema.extend({ reason: reasonSchema("a reason for the change") });

/**
 * Operations change the credit limit and payment terms of a company that has invoice terms, with a
 * reason for the audit log; the company's admins are e-mailed the new terms. Open invoices keep the due
 * date they were issued with.
 */
export async function changeInvoiceTerms(
  db: Database,
  operator: { userId: string },
  companyId: string,
  input: unknown,
) {
  const { creditLimitCents, paymentTermsDays, reason } = changeSchema.parse(input);
  return db.$transaction(async (tx) => {
    const company = await lockBuyerWithInvoiceTerms(tx, companyId);
    await tx.company.update({ where: { id: company.id }, data: { creditLimitCents, paymentTermsDays } });
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId: company.id,
      action: "invoice-terms.changed",
      entityType: "Company",
      entityId: company.id,
      data: {
        from: { creditLimitCents: company.creditLimitCents, paymentTermsDays: company.paymentTermsDays },
        to: { creditLimitCents, paymentTermsDays },
        reason,
      },
    });
    await emailCompanyAdmins(tx, company.id, null, {
      subject: "Your invoice terms changed",
      text: [
        `${company.name}'s invoice terms are now: up to ${formatEuros(creditLimitCents)} in open invoices, each due ${paymentTermsDays} days after it is issued. Invoices issued before keep their due date.`,
        `${appUrl()}/account`,
      ].join("\n\n"),
    });
  });
}

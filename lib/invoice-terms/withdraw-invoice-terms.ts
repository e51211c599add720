import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { emailCompanyAdmins } from "./email-company-admins";
import { reasonSchema } from "./invoice-terms-fields";
import { lockBuyerWithInvoiceTerms } from "./lock-buyer-with-invoice-terms";

/**
 * Operations withdraw a company's invoice terms with a reason the buyer reads: new orders can no longer
 * be paid by invoice (open invoices stay due as issued), the approved application is marked withdrawn,
 * and the company may apply again. Admins are e-mailed, the audit log keeps it.
 */
export async function withdrawInvoiceTerms(
  db: Database,
  operator: { userId: string },
  companyId: string,
  input: unknown,
  now = new Date(),
) {
  const reason = reasonSchema("the buyer a reason").parse((input as { reason?: unknown } | null)?.reason);
  return db.$transaction(async (tx) => {
    const company = await lockBuyerWithInvoiceTerms(tx, companyId);
    await tx.company.update({ where: { id: company.id }, data: { invoicePaymentApproved: false } });
    const approved = await tx.invoiceTermsApplication.findFirst({
      where: { companyId: company.id, status: "APPROVED" },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (approved)
      await tx.invoiceTermsApplication.update({
        where: { id: approved.id },
        data: { status: "WITHDRAWN", withdrawnAt: now, withdrawnReason: reason },
      });
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId: company.id,
      action: "invoice-terms.withdrawn",
      entityType: "Company",
      entityId: company.id,
      data: {
        reason,
        creditLimitCents: company.creditLimitCents,
        paymentTermsDays: company.paymentTermsDays,
        applicationId: approved?.id ?? null,
      },
    });
    await emailCompanyAdmins(tx, company.id, null, {
      subject: "Invoice terms withdrawn",
      text: [
        `${company.name} can no longer pay new orders by invoice:`,
        reason,
        "Invoices already issued stay due as stated on them. You can pay in advance by bank transfer, and apply for invoice terms again on your account page:",
        `${appUrl()}/account`,
      ].join("\n\n"),
    });
  });
}

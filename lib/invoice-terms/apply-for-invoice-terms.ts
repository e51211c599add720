import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { may } from "../auth/permissions";
import type { UserRole } from "../db/generated/enums";
import { appUrl, getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { formatEuros } from "../money/format-euros";
import { queueEmail } from "../notifications/queue-email";
import { invoiceTermsApplicationSchema } from "./invoice-terms-fields";
import { formatDayOfMoment } from "../dates/format-day";

export interface Applicant {
  userId: string;
  companyId: string;
  role: UserRole;
  email: string;
}

/**
 * A buyer admin or purchaser applies for invoice terms for the company: register number and court,
 * expected monthly volume, billing contact and a note. One application waits at a time: the company row
 * is locked while it is checked and written, so a double submit or two colleagues at once get one
 * application and a coded conflict; a company that has invoice terms already is refused too. After a
 * decline (or a withdrawal) the company may apply again. Operations are e-mailed; the audit log keeps it.
 */
export async function applyForInvoiceTerms(db: Database, applicant: Applicant, input: unknown) {
  if (!may(applicant.role, "company.invoiceTerms.apply"))
    throw new AppError(
      "forbidden",
      "A purchaser or an admin of your company applies for invoice terms; ask one of them.",
    );
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Company" WHERE "id" = ${applicant.companyId} FOR UPDATE`;
    const company = await tx.company.findUniqueOrThrow({
      where: { id: applicant.companyId },
      select: { id: true, name: true, kind: true, countryCode: true, invoicePaymentApproved: true },
    });
    if (company.kind !== "BUYER")
      throw new AppError("forbidden", "Only buyer companies apply for invoice terms.");
    const fields = invoiceTermsApplicationSchema(company.countryCode).parse(input);
    if (company.invoicePaymentApproved)
      throw new AppError(
        "conflict",
        "Your company has invoice terms already: see them on your account page. To change your limit, write to us.",
      );
    const pending = await tx.invoiceTermsApplication.findFirst({
      where: { companyId: company.id, status: "PENDING" },
      select: { createdAt: true, appliedBy: { select: { name: true } } },
    });
    if (pending)
      throw new AppError(
        "conflict",
        `Your company's application of ${formatDayOfMoment(pending.createdAt)}${pending.appliedBy ? ` (by ${pending.appliedBy.name})` : ""} is being reviewed: we e-mail the decision, and you can apply again only after it.`,
      );
    const application = await tx.invoiceTermsApplication.create({
      data: { companyId: company.id, appliedById: applicant.userId, ...fields },
    });
    await recordAuditLog(tx, {
      actorUserId: applicant.userId,
      companyId: company.id,
      action: "invoice-terms.applied",
      entityType: "InvoiceTermsApplication",
      entityId: application.id,
      data: {
        registerNumber: fields.registerNumber,
        registerCourt: fields.registerCourt,
        expectedMonthlyVolumeCents: fields.expectedMonthlyVolumeCents,
      },
    });
    await queueEmail(tx, {
      to: getEnv().OPERATIONS_EMAIL,
      subject: `Invoice terms requested: ${company.name}`,
      text: [
        `${company.name} applies for invoice terms (${fields.registerNumber}, ${fields.registerCourt}), expecting ${formatEuros(fields.expectedMonthlyVolumeCents)} a month.`,
        `Decide at ${appUrl()}/ops/invoice-terms/${company.id}`,
      ].join("\n\n"),
    });
    await queueEmail(tx, {
      to: applicant.email,
      subject: "We received your application for invoice terms",
      text: [
        `Thank you: we review ${company.name}'s application for invoice terms and e-mail you our decision.`,
        "Until then you can pay by bank transfer in advance. Its status is on your account page:",
        `${appUrl()}/account`,
      ].join("\n\n"),
    });
    return application;
  });
}

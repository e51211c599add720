import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { formatEuros } from "../money/format-euros";
import { emailCompanyAdmins } from "./email-company-admins";
import { invoiceTermsGrantSchema, reasonSchema } from "./invoice-terms-fields";
import { formatDayOfMoment } from "@/lib/dates/format-day";

const decisionSchema = z.discriminatedUnion(
  "decision",
  [
    invoiceTermsGrantSchema.extend({ decision: z.literal("approve") }),
    z.object({ decision: z.literal("decline"), reason: reasonSchema("the buyer a reason") }),
  ],
  { error: "Approve or decline the application." },
);

/**
 * Locks the application for the rest of the transaction and returns it with its company and applicant;
 * refuses one already decided (saying by whom and when), so two operators deciding at once, or one
 * clicking twice, make one decision.
 */
async function lockPendingApplication(tx: TransactionClient, applicationId: string) {
  await tx.$queryRaw`SELECT 1 FROM "InvoiceTermsApplication" WHERE "id" = ${applicationId} FOR UPDATE`;
  const application = await tx.invoiceTermsApplication.findUnique({
    where: { id: applicationId },
    include: {
      company: { select: { id: true, name: true } },
      appliedBy: { select: { email: true } },
      decidedBy: { select: { name: true } },
    },
  });
  if (!application) throw new AppError("not_found", "There is no such application for invoice terms.");
  if (application.status !== "PENDING") {
    const by = application.decidedBy?.name ?? "someone";
    const when = application.decidedAt ? ` on ${formatDayOfMoment(application.decidedAt)}` : "";
    throw new AppError(
      "invalid_state_transition",
      `This application was ${application.status === "DECLINED" ? "declined" : "approved"} already by ${by}${when}. Reload the page to see the decision.`,
    );
  }
  return application;
}

/**
 * Operations decide an application for invoice terms. Approved: the company may pay by invoice up to
 * the credit limit (next to its open invoices) within the payment terms, set in the same transaction as
 * the application's decision. Declined: the buyer reads the reason and may apply again. The applicant
 * and the company's admins are e-mailed, the audit log keeps the decision.
 */
export async function decideInvoiceTermsApplication(
  db: Database,
  operator: { userId: string },
  applicationId: string,
  input: unknown,
  now = new Date(),
) {
  const decision = decisionSchema.parse(input);
  return db.$transaction(async (tx) => {
    const application = await lockPendingApplication(tx, applicationId);
    const company = application.company;
    if (decision.decision === "approve") {
      await tx.invoiceTermsApplication.update({
        where: { id: application.id },
        data: {
          status: "APPROVED",
          decidedById: operator.userId,
          decidedAt: now,
          creditLimitCents: decision.creditLimitCents,
          paymentTermsDays: decision.paymentTermsDays,
        },
      });
      await tx.company.update({
        where: { id: company.id },
        data: {
          invoicePaymentApproved: true,
          creditLimitCents: decision.creditLimitCents,
          paymentTermsDays: decision.paymentTermsDays,
        },
      });
    } else {
      await tx.invoiceTermsApplication.update({
        where: { id: application.id },
        data: {
          status: "DECLINED",
          decidedById: operator.userId,
          decidedAt: now,
          declineReason: decision.reason,
        },
      });
    }
    const { decision: verdict, ...details } = decision;
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId: company.id,
      action: verdict === "approve" ? "invoice-terms.approved" : "invoice-terms.declined",
      entityType: "InvoiceTermsApplication",
      entityId: application.id,
      data: details,
    });
    await emailCompanyAdmins(
      tx,
      company.id,
      application.appliedBy?.email,
      decision.decision === "approve"
        ? {
            subject: "Invoice terms approved",
            text: [
              `${company.name} may now pay by invoice: up to ${formatEuros(decision.creditLimitCents)} in open invoices, each due ${decision.paymentTermsDays} days after it is issued.`,
              `Choose "Invoice" at checkout. Your terms are on your account page: ${appUrl()}/account`,
            ].join("\n\n"),
          }
        : {
            subject: "Your application for invoice terms",
            text: [
              `We cannot offer ${company.name} invoice terms at the moment:`,
              decision.reason,
              "You can still pay in advance by bank transfer, and apply again when things have changed:",
              `${appUrl()}/account`,
            ].join("\n\n"),
          },
    );
    return decision.decision === "approve" ? ("APPROVED" as const) : ("DECLINED" as const);
  });
}

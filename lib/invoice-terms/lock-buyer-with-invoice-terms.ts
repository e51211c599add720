import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";

/**
 * Locks a buyer company for the rest of the transaction and returns it; refuses one without invoice
 * terms (withdrawn already, or never approved: those go through an application).
 */
export async function lockBuyerWithInvoiceTerms(tx: TransactionClient, companyId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Company" WHERE "id" = ${companyId} FOR UPDATE`;
  const company = await tx.company.findUnique({
    where: { id: companyId },
    select: {
      id: true,
      name: true,
      kind: true,
      invoicePaymentApproved: true,
      creditLimitCents: true,
      paymentTermsDays: true,
    },
  });
  if (!company || company.kind !== "BUYER")
    throw new AppError("not_found", "There is no such buyer company.");
  if (!company.invoicePaymentApproved)
    throw new AppError(
      "invalid_state_transition",
      `${company.name} has no invoice terms (any more): reload the page. Terms are granted by approving an application.`,
    );
  return company;
}

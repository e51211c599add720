import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";

/** One order of the buyer's company with everything its page shows; `not_found` for anyone else's. */
export async function loadBuyerOrder(db: Database, companyId: string, orderId: string) {
  const order = await db.order.findFirst({
    where: { id: orderId, buyerCompanyId: companyId },
    include: {
      buyerCompany: { select: { name: true, orderApprovalLimitCents: true, paymentTermsDays: true } },
      placedBy: { select: { name: true, email: true } },
      approvedBy: { select: { name: true } },
      // The buyer's own documents: never the suppliers' self-billing invoices.
      invoices: { where: { kind: { in: ["BUYER_INVOICE", "CREDIT_NOTE"] } }, orderBy: { issuedAt: "asc" } },
      payments: {
        orderBy: { createdAt: "asc" },
        include: { refunds: { orderBy: { createdAt: "asc" } } },
      },
      statusChanges: { orderBy: { createdAt: "asc" } },
      lines: {
        orderBy: { createdAt: "asc" },
        include: {
          part: { select: { id: true, originalFileName: true } },
          rating: true,
          complaints: { orderBy: { createdAt: "asc" } },
          quote: { select: { finish: true, material: { select: { name: true } } } },
        },
      },
    },
  });
  if (!order) throw new AppError("not_found", "There is no such order in your company.");
  return order;
}

export type BuyerOrder = Awaited<ReturnType<typeof loadBuyerOrder>>;

import type { PayoutStatus } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { payoutStatusForSupplier } from "../payouts/payout-status-for-supplier";
import type { ApiPayout } from "./supplier-api-schemas";
import { afterCursorWhere, decodeCursor, pageOf, pageOrderBy } from "../public-api/paginate";

/**
 * A partner's payouts, newest first, a page at a time: amount, status in the payouts page's words, when
 * due or paid, and the self-billing invoice once issued. `status` narrows it (e.g. WAITING: money to come).
 */
export async function listPayoutsForApi(
  db: Database,
  companyId: string,
  query: { status?: PayoutStatus; cursor?: string; limit: number },
) {
  const after = decodeCursor(query.cursor);
  const rows = await db.payout.findMany({
    where: {
      AND: [
        { supplierCompanyId: companyId },
        query.status ? { status: query.status } : {},
        afterCursorWhere(after),
      ],
    },
    orderBy: pageOrderBy,
    take: query.limit + 1,
    include: { order: { select: { number: true } }, invoice: { select: { number: true } } },
  });
  return pageOf(rows, query.limit, (payout): ApiPayout => ({
    id: payout.id,
    status: payout.status,
    statusText: payoutStatusForSupplier(payout),
    method: payout.method,
    amountCents: payout.amountCents,
    currency: payout.currency,
    jobId: payout.orderLineId,
    orderNumber: payout.order.number,
    invoiceNumber: payout.invoice?.number ?? null,
    dueAt: payout.dueAt?.toISOString() ?? null,
    paidAt: payout.paidAt?.toISOString() ?? null,
    createdAt: payout.createdAt.toISOString(),
  }));
}

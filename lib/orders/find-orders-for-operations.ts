import type { Prisma } from "../db/generated/client";
import type { OrderStatus } from "../db/generated/enums";
import type { Database } from "../db/prisma";

/** How many orders one page of the operations' order list shows; a search narrows the rest. */
export const operationsOrderListLimit = 50;

/** A search longer than this is no order number, name or reference anyone types. */
const maxQueryLength = 200;

export interface OperationsOrderSearch {
  /** The newest orders matching the search (all orders without one), at most `operationsOrderListLimit`. */
  orders: {
    id: string;
    number: string;
    status: OrderStatus;
    totalCents: number;
    currency: string;
    createdAt: Date;
    purchaseOrderNumber: string | null;
    buyerCompanyName: string;
    placedByName: string;
  }[];
  /** How many orders match in all, so the page can say how many it leaves out. */
  matching: number;
  /** The order whose number is exactly what was typed (any case, spaces ignored): the page opens it. */
  exactNumberMatch: string | null;
  /** The search as it was used (trimmed), "" for none. */
  query: string;
}

/**
 * Orders for operations, newest first: a buyer on the phone names an order number ("Q-2026-000123",
 * or only "123"), the company, their purchase-order number, the bank transfer's payment reference or
 * who placed it; each is matched case-insensitively as a part of the stored value. Without a search,
 * the newest orders. Read only; ops pages check the permission.
 */
export async function findOrdersForOperations(
  db: Database,
  rawQuery: string | undefined,
): Promise<OperationsOrderSearch> {
  const query = (rawQuery ?? "").trim().slice(0, maxQueryLength);
  const compact = query.replace(/\s+/g, "");
  const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });
  const where: Prisma.OrderWhereInput = query
    ? {
        OR: [
          { number: contains(compact) },
          { paymentReference: contains(compact) },
          { purchaseOrderNumber: contains(query) },
          { buyerCompany: { name: contains(query) } },
          { placedBy: { name: contains(query) } },
          { placedBy: { email: contains(query) } },
        ],
      }
    : {};
  const [orders, matching, exact] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      take: operationsOrderListLimit,
      select: {
        id: true,
        number: true,
        status: true,
        totalCents: true,
        currency: true,
        createdAt: true,
        purchaseOrderNumber: true,
        buyerCompany: { select: { name: true } },
        placedBy: { select: { name: true } },
      },
    }),
    db.order.count({ where }),
    compact
      ? db.order.findFirst({
          where: { number: { equals: compact, mode: "insensitive" } },
          select: { id: true },
        })
      : null,
  ]);
  return {
    orders: orders.map(({ buyerCompany, placedBy, ...order }) => ({
      ...order,
      buyerCompanyName: buyerCompany.name,
      placedByName: placedBy.name,
    })),
    matching,
    exactNumberMatch: exact?.id ?? null,
    query,
  };
}

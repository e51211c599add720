import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { badgeClass } from "@/app/_components/status-badge";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { formatEuros } from "@/lib/money/format-euros";
import { findOrdersForOperations } from "@/lib/orders/find-orders-for-operations";
import { orderStatusLabels } from "@/lib/orders/order-status-labels";
import styles from "./orders.module.css";

export const metadata: Metadata = { title: "Orders" };

/**
 * Every order for operations, found by what a buyer names on the phone: the order number, the company,
 * their purchase-order number, the payment reference or who placed it. An exact order number opens it.
 */
export default async function OpsOrdersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  await requirePermission("ops.console", "/ops/orders");
  const { q } = await searchParams;
  const found = await findOrdersForOperations(getPrisma(), Array.isArray(q) ? q[0] : q);
  if (found.exactNumberMatch) redirect(`/ops/orders/${found.exactNumberMatch}`);
  const { orders, matching, query } = found;
  return (
    <>
      <h1>Orders</h1>
      <form role="search" action="/ops/orders" className={`field ${styles.search}`}>
        <label htmlFor="order-search">Find an order</label>
        <div className={styles.searchRow}>
          <input
            id="order-search"
            name="q"
            type="search"
            defaultValue={query}
            aria-describedby="order-search-hint"
          />
          <button type="submit">Search</button>
        </div>
        <span id="order-search-hint" className="hint">
          Order number (or its last digits), company, purchase-order number, payment reference, or who placed
          it. An exact order number opens the order.
        </span>
      </form>
      <p data-testid="order-search-summary">
        {summary(matching, orders.length, query)}
        {query && (
          <>
            {" "}
            <Link href="/ops/orders">Show all orders</Link>
          </>
        )}
      </p>
      {orders.length > 0 && (
        <StackTable columns={["Order", "Buyer", "Status", { label: "Total", className: "amount" }]}>
          {orders.map((order) => (
            <tr key={order.id} data-testid="ops-order-row">
              <td data-label="Order">
                <Link href={`/ops/orders/${order.id}`}>{order.number}</Link>
                <br />
                <span className="muted">{formatMoment(order.createdAt)}</span>
              </td>
              <td data-label="Buyer">
                {order.buyerCompanyName}
                <br />
                <span className="muted">
                  {order.placedByName}
                  {order.purchaseOrderNumber && ` · PO ${order.purchaseOrderNumber}`}
                </span>
              </td>
              <td data-label="Status">
                <span className={badgeClass(order.status)}>{orderStatusLabels[order.status]}</span>
              </td>
              <td data-label="Total" className="amount">
                {formatEuros(order.totalCents)}
              </td>
            </tr>
          ))}
        </StackTable>
      )}
    </>
  );
}

function summary(matching: number, shown: number, query: string): string {
  if (!query) {
    if (matching === 0) return "No orders yet: they appear here once a buyer orders.";
    return matching > shown
      ? `The newest ${shown} of ${matching.toLocaleString("en-GB")} orders; search to find an older one.`
      : `${matching === 1 ? "1 order" : `${matching} orders`}, newest first.`;
  }
  if (matching === 0)
    return `No order matches “${query}”. Check the number on the buyer's confirmation e-mail or invoice, or search for the company.`;
  if (matching > shown)
    return `${matching.toLocaleString("en-GB")} orders match “${query}”; the newest ${shown} are shown. Search for more of the number to narrow it.`;
  return `${matching === 1 ? "1 order matches" : `${matching} orders match`} “${query}”, newest first.`;
}

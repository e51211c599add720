import { formatMoment } from "@/app/_components/format-dates";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { listCompanyOrders } from "@/lib/orders/list-company-orders";
import { orderStatusLabels } from "@/lib/orders/order-status-labels";
import { AmountCell } from "@/app/_components/amount-cell";
import { StackTable } from "@/app/_components/stack-table";
import { badgeClass } from "@/app/_components/status-badge";
import { OrderExportLinks } from "@/app/_components/export-links";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage() {
  const user = await requirePermission("shop.view", "/orders");
  const orders = await listCompanyOrders(getPrisma(), user.companyId);
  return (
    <>
      <h1>Orders</h1>
      <OrderExportLinks />
      {orders.length === 0 ? (
        <div className="card">
          <p>No orders yet. Upload a part, add it to the cart and check out.</p>
          <Link href="/" className="button">
            Upload a part
          </Link>
        </div>
      ) : (
        <StackTable columns={["Order", "Placed", "Parts", "Status", "Total"]}>
          {orders.map((order) => (
            <tr key={order.id} data-testid="order-row">
              <td data-label="Order">
                <Link href={`/orders/${order.id}`}>{order.number}</Link>
              </td>
              <td data-label="Placed">
                {formatMoment(order.createdAt)} · {order.placedBy.name}
              </td>
              <td data-label="Parts">
                {order.lines.map((line) => `${line.quantity} × ${line.part.originalFileName}`).join(", ")}
              </td>
              <td data-label="Status">
                <span className={badgeClass(order.status)}>{orderStatusLabels[order.status]}</span>
              </td>
              <AmountCell label="Total" cents={order.totalCents} />
            </tr>
          ))}
        </StackTable>
      )}
    </>
  );
}

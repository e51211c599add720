import { prepaymentEmailParagraph } from "../bank-transfers/prepayment-email-paragraph";
import { requestMatching } from "../matching/request-matching";
import { moveOrderLine } from "../orders/change-order-line-status";
import { moveOrder } from "../orders/move-order";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { may } from "../auth/permissions";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { queueEmail } from "../notifications/queue-email";
import { purchaseReferenceParagraph } from "../documents/purchase-reference-lines";
import type { Orderer } from "../orders/place-order";
import { assertPaymentMethodOpen } from "../payments/payment-methods-open";
import { issueBuyerInvoice } from "../orders/issue-buyer-invoice";

/**
 * An approver's decision on an order above the company's limit: approved, it goes on as if placed now
 * (an invoice order is confirmed with its invoice if the credit limit still allows; a card order waits
 * for payment); declined, it is cancelled. Only an order still waiting can be decided, once.
 */
export async function decideOrderApproval(
  db: Database,
  approver: Orderer,
  orderId: string,
  decision: "approve" | "decline",
  now = new Date(),
) {
  if (!may(approver.role, "order.approve"))
    throw new AppError("forbidden", "Only an admin of your company can approve orders.");
  return db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: orderId, buyerCompanyId: approver.companyId },
      include: { buyerCompany: true, placedBy: { select: { email: true } } },
    });
    if (!order) throw new AppError("not_found", "There is no such order in your company.");
    if (order.status !== "AWAITING_APPROVAL")
      throw new AppError("invalid_state_transition", "This order does not wait for approval (any more).");
    const to =
      decision === "decline"
        ? "CANCELLED"
        : order.paymentMethod === "INVOICE"
          ? "CONFIRMED"
          : "AWAITING_PAYMENT";
    if (to === "CONFIRMED")
      await assertPaymentMethodOpen(tx, order.buyerCompanyId, "INVOICE", order.totalCents);
    await moveOrder(tx, {
      orderId: order.id,
      from: "AWAITING_APPROVAL",
      to,
      recordHistory: false,
      set: {
        approvedById: decision === "approve" ? approver.userId : null,
        confirmedAt: to === "CONFIRMED" ? now : null,
        cancelledAt: to === "CANCELLED" ? now : null,
      },
    });
    if (to === "CANCELLED")
      for (const line of await tx.orderLine.findMany({ where: { orderId: order.id }, select: { id: true } }))
        await moveOrderLine(tx, { orderLineId: line.id, to: "CANCELLED", recordHistory: false });
    await tx.orderStatusChange.create({
      data: {
        orderId: order.id,
        fromStatus: "AWAITING_APPROVAL",
        toStatus: decision === "approve" ? "APPROVED" : "CANCELLED",
        actorUserId: approver.userId,
        note: decision === "approve" ? "Approved" : "Declined by the approver",
      },
    });
    if (to === "CONFIRMED") {
      await tx.orderStatusChange.create({
        data: {
          orderId: order.id,
          fromStatus: "APPROVED",
          toStatus: "CONFIRMED",
          actorUserId: approver.userId,
          note: "Pay by invoice",
        },
      });
      await issueBuyerInvoice(tx, order, order.buyerCompany.paymentTermsDays, now);
      await requestMatching(tx, order.id, "order approved");
    }
    await recordAuditLog(tx, {
      actorUserId: approver.userId,
      companyId: order.buyerCompanyId,
      action: `order.${decision}`,
      entityType: "Order",
      entityId: order.id,
    });
    await queueEmail(tx, {
      to: order.placedBy.email,
      subject: `Order ${order.number} ${decision === "approve" ? "approved" : "declined"}`,
      text: `Your order ${order.number} was ${decision === "approve" ? "approved" : "declined"} by ${approver.email}.${await prepaymentEmailParagraph(tx, order, to)}\n\n${purchaseReferenceParagraph(order)}${appUrl()}/orders/${order.id}`,
    });
    return to;
  });
}

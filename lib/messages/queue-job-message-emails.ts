import type { TransactionClient } from "../db/prisma";
import { appUrl, getEnv } from "../env";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { queueEmail } from "../notifications/queue-email";

/**
 * Tells the other side of a thread that a message came, with a link to the page where it is answered:
 * operations get the ops order page, the partner its job page, the buyer who placed the order the order
 * page. The text goes along (it passed the contact-details check); the author's name does not.
 */
export async function queueJobMessageEmails(
  tx: TransactionClient,
  message: {
    id: string;
    thread: "PARTNER" | "BUYER";
    orderId: string;
    orderLineId: string | null;
    authorSide: string;
    text: string;
  },
): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: message.orderId },
    select: { number: true, placedBy: { select: { email: true } } },
  });
  const line = message.orderLineId
    ? await tx.orderLine.findUniqueOrThrow({
        where: { id: message.orderLineId },
        select: { supplierCompanyId: true, part: { select: { originalFileName: true } } },
      })
    : null;
  const quoted = message.text.length > 600 ? `${message.text.slice(0, 600)}…` : message.text;
  if (message.authorSide !== "OPERATIONS") {
    const from = message.authorSide === "SUPPLIER" ? "The partner" : "The buyer";
    await queueEmail(tx, {
      to: getEnv().OPERATIONS_EMAIL,
      subject: `Message on order ${order.number}${line ? ` (${line.part.originalFileName})` : ""}`,
      text: `${from} wrote:\n\n${quoted}\n\nAnswer here: ${appUrl()}/ops/orders/${message.orderId}#messages-heading`,
    });
    return;
  }
  if (message.thread === "PARTNER" && line?.supplierCompanyId) {
    await queueCompanyEmail(tx, line.supplierCompanyId, {
      subject: `Message from operations on order ${order.number} (${line.part.originalFileName})`,
      text: `Operations wrote about your job:\n\n${quoted}\n\nRead and answer it here: ${appUrl()}/supplier/jobs/${message.orderLineId}#messages-heading`,
    });
    return;
  }
  if (message.thread === "BUYER")
    await queueEmail(tx, {
      to: order.placedBy.email,
      subject: `Message from operations on order ${order.number}`,
      text: `Our operations team wrote about your order:\n\n${quoted}\n\nRead and answer it here: ${appUrl()}/orders/${message.orderId}#messages-heading`,
    });
}

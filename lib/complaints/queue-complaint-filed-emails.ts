import type { TransactionClient } from "../db/prisma";
import { formatDeadline } from "../dates/format-deadline";
import { appUrl, getEnv } from "../env";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { queueEmail } from "../notifications/queue-email";

/**
 * A new complaint's e-mails: operations with a link to the order page where they decide it, the partner
 * with a link to its job page where it reads the complaint and answers by the deadline (docs/decisions/0042),
 * plus what the complaint means for its payout. The partner's mail carries neither the buyer's words'
 * author nor the buyer's company: it reads those on the job page, as operations relay them.
 */
export async function queueComplaintFiledEmails(
  tx: TransactionClient,
  {
    complaint,
    line,
    answerDueAt,
    notes,
  }: {
    complaint: { text: string; photoStorageKeys: string[] };
    line: { id: string; orderId: string; supplierCompanyId: string | null; order: { number: string } };
    answerDueAt: Date;
    notes: { operations: string | null; supplier: string | null };
  },
): Promise<void> {
  const photos = complaint.photoStorageKeys.length;
  await queueEmail(tx, {
    to: getEnv().OPERATIONS_EMAIL,
    subject: `Complaint on order ${line.order.number}`,
    text: [
      `A buyer filed a complaint with ${photos} photo(s):\n\n${complaint.text}`,
      notes.operations,
      `The partner answers by ${formatDeadline(answerDueAt)}; decide after its answer or that deadline.`,
      `Read it, see the photos and decide: ${appUrl()}/ops/orders/${line.orderId}#complaints-heading`,
    ]
      .filter(Boolean)
      .join("\n\n"),
  });
  if (!line.supplierCompanyId) return;
  await queueCompanyEmail(tx, line.supplierCompanyId, {
    subject: `Complaint on order ${line.order.number}: please answer by ${formatDeadline(answerDueAt)}${notes.supplier ? "; your payout is held" : ""}`,
    text: [
      `The buyer filed a complaint about your job on order ${line.order.number}${photos ? `, with ${photos} photo(s)` : ""}:\n\n${complaint.text}`,
      notes.supplier,
      `Answer in the portal by ${formatDeadline(answerDueAt)}, with photos if they help; operations read your answer before they decide.`,
      `${appUrl()}/supplier/jobs/${line.id}#complaint-heading`,
    ]
      .filter(Boolean)
      .join("\n\n"),
  });
}

import { requestPayout } from "../payouts/request-payout";
import { movePayouts } from "../payouts/move-payouts";
import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { refreshSupplierScore } from "../matching/refresh-supplier-score";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { queueEmail } from "../notifications/queue-email";
import { refundOrder } from "../payments/refund-order";
import { cancelPayout } from "../payouts/cancel-payout";
import { payoutHeldReasons, payoutMethodFor } from "../payouts/payout-method-for";
import { confirmDeliveryInTransaction } from "./confirm-delivery";
import { resumeComplaintWindow } from "../payouts/resume-complaint-window";
import { payoutStatusForSupplier } from "../payouts/payout-status-for-supplier";
import { formatEuros } from "../money/format-euros";
import { checkSupplierHeard } from "../complaints/check-supplier-heard";
import { whenFieldsParsed } from "../forms/when-fields-parsed";
import { typedEuros } from "../money/typed-euros";

export const complaintDecisionSchema = z
  .object({
    decision: z.enum(["UPHELD", "REJECTED"], {
      error: "Choose whether the complaint is upheld or rejected.",
    }),
    resolution: z
      .string({ error: "Write what was decided, for the buyer and the partner." })
      .trim()
      .min(5, "Write what was decided, for the buyer and the partner.")
      .max(2000, "Keep the resolution under 2000 characters."),
    // Typed in euros on the form.
    refundEuros: z.preprocess(
      typedEuros,
      z
        .number({ error: "Enter the refund in euros, e.g. 120.50, or 0." })
        .min(0, "A refund cannot be negative.")
        .default(0),
    ),
    supplierPayout: z.enum(["PAY", "WITHHOLD"], { error: "Choose whether the partner is paid." }),
    // Only needed before the partner answered and before its deadline (docs/decisions/0042).
    earlyDecisionReason: z
      .string()
      .trim()
      .max(1000, "Keep the reason under 1000 characters.")
      .optional()
      .transform((reason) => reason || undefined),
  })
  .refine((decision) => decision.decision === "UPHELD" || decision.refundEuros === 0, {
    path: ["refundEuros"],
    message: "A rejected complaint refunds nothing; set the refund to 0 or uphold it.",
    ...whenFieldsParsed("decision", "refundEuros"),
  });

/**
 * Operations decide a complaint. Upheld: the buyer gets the refund operations set (a card refund or a
 * credit note), and the supplier's payout is paid or withheld; rejected: the payout is released. Released
 * means the complaint no longer holds it: inside the complaint window it waits for the window again
 * (docs/decisions/0031). A line still waiting for its delivery confirmation is confirmed first (the buyer
 * has the parts), so its payout exists to decide on. The partner reads how its payout stands, never
 * "released" for one paid already. Operations decide after the partner answered or its deadline passed,
 * earlier only with a reason (docs/decisions/0042). Returns the refund to send and the payout to pay
 * after commit.
 */
export async function decideComplaint(
  db: Database,
  operator: { userId: string },
  complaintId: string,
  input: unknown,
  now = new Date(),
): Promise<{ refundId: string | null; payoutToPay: string | null }> {
  const decision = complaintDecisionSchema.parse(input);
  const refundCents = Math.round(decision.refundEuros * 100);
  return db.$transaction(async (tx) => {
    const earlyDecisionReason = await checkSupplierHeard(tx, complaintId, decision.earlyDecisionReason, now);
    const decided = await tx.complaint.updateMany({
      where: { id: complaintId, status: "OPEN" },
      data: {
        status: decision.decision,
        resolution: decision.resolution,
        decidedAt: now,
        earlyDecisionReason,
      },
    });
    if (decided.count !== 1)
      throw new AppError("invalid_state_transition", "This complaint is decided already.");
    const complaint = await tx.complaint.findUniqueOrThrow({
      where: { id: complaintId },
      include: { orderLine: { include: { order: { include: { placedBy: { select: { email: true } } } } } } },
    });
    const line = complaint.orderLine;
    if (line.status === "SHIPPED") await confirmDeliveryInTransaction(tx, null, line.id, now);
    const refund =
      refundCents > 0
        ? await refundOrder(
            tx,
            {
              orderId: line.orderId,
              amountCents: refundCents,
              reason: `Complaint upheld: ${decision.resolution}`,
              complaintId,
              requestedById: operator.userId,
            },
            now,
          )
        : null;
    const payout = await tx.payout.findUnique({
      where: { orderLineId: line.id },
      include: { supplierCompany: true },
    });
    const otherOpen = await tx.complaint.count({ where: { orderLineId: line.id, status: "OPEN" } });
    if (payout && decision.supplierPayout === "WITHHOLD") {
      await cancelPayout(tx, payout.id, `Withheld after complaint: ${decision.resolution}`);
    } else if (
      payout?.status === "HELD" &&
      payout.heldReason === payoutHeldReasons.complaint &&
      payout.invoiceId === null &&
      otherOpen === 0
    ) {
      // Held inside the complaint window, before anything was invoiced: it waits for the window again,
      // and is released now when the window has closed meanwhile (or the buyer gave it up).
      await resumeComplaintWindow(tx, payout.id, now);
    } else if (
      payout?.status === "HELD" &&
      payout.heldReason === payoutHeldReasons.complaint &&
      otherOpen === 0
    ) {
      const method = payoutMethodFor(payout.supplierCompany);
      if (method)
        await movePayouts(tx, {
          where: { id: payout.id },
          from: ["HELD"],
          to: "PENDING",
          set: { method, heldReason: null },
        });
      else
        await tx.payout.update({
          where: { id: payout.id },
          data: { heldReason: payoutHeldReasons.missingDetails },
        });
    }
    const payoutNow = payout && (await tx.payout.findUniqueOrThrow({ where: { id: payout.id } }));
    const payoutToPay =
      payoutNow?.status === "PENDING" && payoutNow.method === "STRIPE_TRANSFER" ? payoutNow.id : null;
    if (payoutToPay) await requestPayout(tx, payoutToPay);
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId: complaint.buyerCompanyId,
      action: "complaint.decided",
      entityType: "Complaint",
      entityId: complaintId,
      data: { ...decision, refundCents, payout: payout?.id ?? null },
    });
    if (line.supplierCompanyId) await refreshSupplierScore(tx, line.supplierCompanyId, now);
    await queueEmail(tx, {
      to: line.order.placedBy.email,
      subject: `Your complaint on order ${line.order.number} is ${decision.decision === "UPHELD" ? "upheld" : "rejected"}`,
      text: [
        decision.resolution,
        refundCents > 0 ? `We refund ${formatEuros(refundCents)}.` : "",
        `${appUrl()}/orders/${line.orderId}`,
      ]
        .filter(Boolean)
        .join("\n\n"),
    });
    if (line.supplierCompanyId)
      await queueCompanyEmail(tx, line.supplierCompanyId, {
        subject: `Complaint on order ${line.order.number}: ${decision.decision === "UPHELD" ? "upheld" : "rejected"}`,
        text: [
          `Operations decided the complaint about your job on order ${line.order.number}: ${decision.decision === "UPHELD" ? "upheld" : "rejected"}.`,
          decision.resolution,
          payoutNow
            ? `Your payout of ${formatEuros(payoutNow.amountCents)} for this job: ${payoutStatusForSupplier(payoutNow)}.`
            : "There is no payout for this job.",
          `${appUrl()}/supplier/jobs/${line.id}#complaint-heading`,
        ].join("\n\n"),
      });
    return { refundId: refund?.refundId ?? null, payoutToPay };
  });
}

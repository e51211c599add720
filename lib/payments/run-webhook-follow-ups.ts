import { requestJob } from "../jobs/request-job";
import { requestMatching } from "../matching/request-matching";
import { requestEmailDelivery } from "../notifications/request-email-delivery";
import type { WebhookFollowUp } from "./handle-stripe-webhook";

/** After a webhook's transaction committed: matching, refunds and payouts it made due, and its e-mails. */
export async function runWebhookFollowUps(followUps: WebhookFollowUp[]): Promise<void> {
  for (const followUp of followUps) {
    if (followUp.kind === "match-order") await requestMatching(followUp.orderId, "card payment received");
    if (followUp.kind === "send-refund")
      await requestJob(
        "payments.send-refunds",
        { refundId: followUp.refundId },
        { singletonKey: followUp.refundId },
      );
    if (followUp.kind === "pay-payout")
      await requestJob("payouts.pay", { payoutId: followUp.payoutId }, { singletonKey: followUp.payoutId });
  }
  if (followUps.length > 0) await requestEmailDelivery();
}

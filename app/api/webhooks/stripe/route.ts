import { apiRoute } from "@/lib/api/api-route";
import { maxWebhookBodyBytes, readLimitedText } from "@/lib/api/read-limited-body";
import { getPrisma } from "@/lib/db/prisma";
import { handleStripeWebhook } from "@/lib/payments/handle-stripe-webhook";

/**
 * Stripe's webhook endpoint. The body is read raw: the signature is over the exact bytes. 2xx tells
 * Stripe the event is done (processed now, before, or not ours); an error status makes Stripe resend.
 */
export const POST = apiRoute(async ({ request, logger }) => {
  // At most 1 MB, counted as it arrives: a huge post is cut off with 413 before it fills memory.
  const payload = await readLimitedText(request, maxWebhookBodyBytes);
  const result = await handleStripeWebhook(getPrisma(), payload, request.headers.get("stripe-signature"));
  logger.info({ eventId: result.eventId, type: result.type, outcome: result.outcome }, "Stripe event");
  return Response.json({ received: true, outcome: result.outcome });
});

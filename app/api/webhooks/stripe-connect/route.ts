import { apiRoute } from "@/lib/api/api-route";
import { maxWebhookBodyBytes, readLimitedText } from "@/lib/api/read-limited-body";
import { getPrisma } from "@/lib/db/prisma";
import { handleStripeWebhook } from "@/lib/payments/handle-stripe-webhook";

/**
 * Stripe's Connect webhook endpoint: events about partners' connected accounts (account.updated), which
 * Stripe sends only to an endpoint created for connected accounts, signed with that endpoint's own secret
 * (STRIPE_CONNECT_WEBHOOK_SECRET). The body is read raw: the signature is over the exact bytes.
 */
export const POST = apiRoute(async ({ request, logger }) => {
  const payload = await readLimitedText(request, maxWebhookBodyBytes);
  const result = await handleStripeWebhook(
    getPrisma(),
    payload,
    request.headers.get("stripe-signature"),
    new Date(),
    "connect",
  );
  logger.info(
    { eventId: result.eventId, type: result.type, outcome: result.outcome },
    "Stripe Connect event",
  );
  return Response.json({ received: true, outcome: result.outcome });
});

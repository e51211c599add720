import { submitCounteroffer } from "@/lib/counteroffers/submit-counteroffer";
import { getPrisma } from "@/lib/db/prisma";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { counterOfferOperation } from "@/lib/supplier-api/supplier-api-operations";

/**
 * The partner counters an offer (docs/decisions/0039, 0060). The API speaks cents; the use-case takes the
 * portal form's euros, and cents / 100 comes back as the same cents there (Math.round(euros × 100)).
 */
export const POST = publicApiRoute(counterOfferOperation, async ({ key, params, body }) => {
  const result = await submitCounteroffer(
    getPrisma(),
    { userId: key.createdByUserId, companyId: key.companyId },
    params.offerId,
    { price: body.priceCents / 100, deliveryDate: body.deliveryDate, note: body.note ?? "" },
  );
  return {
    status: 201,
    body: {
      counterofferId: result.counterofferId,
      offerId: result.offerId,
      jobId: result.orderLineId,
      outcome: result.outcome,
      decideBy: result.decideBy?.toISOString() ?? null,
    },
  };
});

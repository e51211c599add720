import { getPrisma } from "@/lib/db/prisma";
import { acceptOffer } from "@/lib/matching/respond-to-offer";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { acceptOfferOperation } from "@/lib/supplier-api/supplier-api-operations";

/** The partner accepts an offer through its own system, as with the portal's button (decision 0060). */
export const POST = publicApiRoute(acceptOfferOperation, async ({ key, params }) => {
  const accepted = await acceptOffer(
    getPrisma(),
    { userId: key.createdByUserId, companyId: key.companyId },
    params.offerId,
  );
  return { status: 200, body: { offerId: accepted.offerId, jobId: accepted.orderLineId } };
});

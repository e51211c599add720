import { getPrisma } from "@/lib/db/prisma";
import { rejectOffer } from "@/lib/matching/respond-to-offer";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { rejectOfferOperation } from "@/lib/supplier-api/supplier-api-operations";

/** The partner rejects an offer with a reason; the next partner gets it (decision 0060). */
export const POST = publicApiRoute(rejectOfferOperation, async ({ key, params, body }) => {
  const rejected = await rejectOffer(
    getPrisma(),
    { userId: key.createdByUserId, companyId: key.companyId },
    params.offerId,
    { reason: body.reason, note: body.note ?? "" },
  );
  return { status: 200, body: { offerId: rejected.offerId, status: "REJECTED" as const } };
});

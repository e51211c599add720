import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { publicApiRoute } from "@/lib/public-api/public-api-route";
import { findOfferForApi } from "@/lib/supplier-api/list-offers-for-api";
import { getOfferOperation } from "@/lib/supplier-api/supplier-api-operations";

/** One of the partner's offers (public API, docs/decisions/0060). */
export const GET = publicApiRoute(getOfferOperation, async ({ key, params }) => {
  const offer = await findOfferForApi(getPrisma(), key.companyId, params.offerId);
  if (!offer) throw new AppError("not_found", "There is no such offer for your company.");
  return { status: 200, body: offer };
});

import type { Database, TransactionClient } from "../db/prisma";

/**
 * Hands the parts a visitor uploaded from this browser to the buyer's company, once the visitor has
 * signed up or signed in. Only parts nobody owns yet move, so a token can never take another company's
 * parts; running it twice changes nothing.
 */
export async function claimVisitorParts(
  db: Database | TransactionClient,
  visitorToken: string | undefined,
  owner: { companyId: string; userId: string },
): Promise<number> {
  if (!visitorToken) return 0;
  const claimed = await db.part.updateMany({
    where: { visitorToken, companyId: null },
    data: { companyId: owner.companyId, uploadedById: owner.userId, visitorToken: null },
  });
  return claimed.count;
}

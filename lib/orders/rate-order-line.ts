import { z } from "zod";
import type { Database } from "../db/prisma";
import { refreshSupplierScore } from "../matching/refresh-supplier-score";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";

const ratingSchema = z.object({
  stars: z.coerce
    .number()
    .int("Choose 1 to 5 stars.")
    .min(1, "Choose 1 to 5 stars.")
    .max(5, "Choose 1 to 5 stars."),
  comment: z
    .string()
    .trim()
    .max(2000, "Keep the comment under 2000 characters.")
    .transform((value) => value || null),
});

/** The buyer rates a delivered line's supplier once: 1 to 5 stars and an optional comment. */
export async function rateOrderLine(
  db: Database,
  buyer: { companyId: string; userId: string },
  orderLineId: string,
  input: unknown,
) {
  const rating = ratingSchema.parse(input);
  const line = await db.orderLine.findFirst({
    where: { id: orderLineId, order: { buyerCompanyId: buyer.companyId } },
    include: { rating: true },
  });
  if (!line) throw new AppError("not_found", "There is no such order line in your company.");
  if (line.status !== "DELIVERED" || !line.supplierCompanyId)
    throw new AppError("invalid_state_transition", "You can rate a part once it has been delivered.");
  if (line.rating) throw new AppError("conflict", "This part is already rated.");
  return db.$transaction(async (tx) => {
    const created = await tx.rating.create({
      data: {
        orderLineId: line.id,
        buyerCompanyId: buyer.companyId,
        supplierCompanyId: line.supplierCompanyId!,
        stars: rating.stars,
        comment: rating.comment,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: buyer.userId,
      companyId: buyer.companyId,
      action: "order-line.rated",
      entityType: "OrderLine",
      entityId: line.id,
      data: { stars: rating.stars },
    });
    await refreshSupplierScore(tx, line.supplierCompanyId!);
    return created;
  });
}

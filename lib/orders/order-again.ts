import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { addQuoteToCart } from "../carts/add-quote-to-cart";
import { saveQuote } from "../quotes/save-quote";
import { engineProcessOf, engineToleranceOf } from "../db/catalogue-codes";

/**
 * "Order again": each line of a past order is priced again today with the same process, material,
 * finish, tolerance and quantity (at the standard delivery date) and put into the user's cart. Lines
 * whose part can no longer be priced automatically are reported, not silently dropped.
 */
export async function orderAgain(
  db: Database,
  buyer: { companyId: string; userId: string },
  orderId: string,
) {
  const order = await db.order.findFirst({
    where: { id: orderId, buyerCompanyId: buyer.companyId },
    include: {
      lines: { orderBy: { createdAt: "asc" }, include: { part: { select: { originalFileName: true } } } },
    },
  });
  if (!order) throw new AppError("not_found", "There is no such order in your company.");
  const added: string[] = [];
  const refused: { fileName: string; reason: string }[] = [];
  // Remakes repeat a line of the same order, and cancelled lines were not wanted.
  for (const line of order.lines.filter((entry) => !entry.remakeOfLineId && entry.status !== "CANCELLED")) {
    try {
      const quote = await saveQuote(db, buyer, line.partId, {
        process: engineProcessOf(line.process),
        materialCode: line.materialCode,
        finishCode: line.finish,
        tolerance: engineToleranceOf(line.toleranceClass),
        quantity: line.quantity,
      });
      await addQuoteToCart(db, buyer, quote.id);
      added.push(line.part.originalFileName);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({ fileName: line.part.originalFileName, reason: error.message });
    }
  }
  return { added, refused };
}

import { z } from "zod";
import type { Database } from "../db/prisma";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { nextDocumentNumber } from "../documents/next-document-number";
import { finishLabel, processLabel, toleranceLabel } from "../catalogue/catalogue-labels";
import type { QuoteDocument } from "./quote-document";

const reportBox = z.object({
  bbox: z.object({ min: z.array(z.number()).length(3), max: z.array(z.number()).length(3) }),
});

function partSizeOf(analysis: unknown): number[] {
  const parsed = reportBox.safeParse(analysis);
  if (!parsed.success) return [];
  const { min, max } = parsed.data.bbox;
  // In the drawn axes' order (x, y, z), as the part page shows the size: sorted, the quote read "304.8 × 203.2"
  // beside a part page's "203.2 × 304.8".
  return max.map((value, axis) => value - min[axis]!);
}

/**
 * A priced quote as a document: its number (given on first use from the QT series, in its own
 * transaction, so two downloads at once cannot give it two), the part, what it is made as by name, price,
 * delivery and validity. `where` finds the quote: the buyer's own (id and company) or a shared one (id
 * alone, after the share link was checked). Manual quotes still waiting for a price are not documents.
 */
export async function loadQuoteDocument(
  db: Database,
  where: { quoteId: string; companyId?: string },
  now = new Date(),
): Promise<QuoteDocument> {
  const filter: Prisma.QuoteWhereInput = {
    id: where.quoteId,
    ...(where.companyId !== undefined && { companyId: where.companyId }),
  };
  let quote = await db.quote.findFirst({ where: filter, select: { id: true, documentNumber: true } });
  if (!quote) throw new AppError("not_found", "There is no such quote in your company.");
  if (!quote.documentNumber)
    await db.$transaction(async (tx) => {
      // Locks the row: a second download waits here and then finds the number given.
      const [row] = await tx.$queryRaw<{ documentNumber: string | null }[]>`
        SELECT "documentNumber" FROM "Quote" WHERE "id" = ${quote!.id} FOR UPDATE`;
      if (row?.documentNumber) return;
      await tx.quote.update({
        where: { id: quote!.id },
        data: { documentNumber: await nextDocumentNumber(tx, "QT", now) },
      });
    });
  const full = await db.quote.findUniqueOrThrow({
    where: { id: quote.id },
    include: {
      material: { select: { name: true } },
      company: { select: { name: true } },
      createdBy: { select: { name: true } },
      part: { select: { originalFileName: true, sizeBytes: true, analysis: true } },
    },
  });
  quote = full;
  return {
    quoteId: full.id,
    number: full.documentNumber!,
    issuedAt: full.createdAt,
    validUntil: full.validUntil,
    expired: full.validUntil < now || full.status === "EXPIRED" || full.status === "SUPERSEDED",
    companyName: full.company?.name ?? "",
    preparedBy: full.createdBy?.name ?? null,
    fileName: full.part.originalFileName,
    fileSizeBytes: Number(full.part.sizeBytes),
    partSizeMm: partSizeOf(full.part.analysis),
    processName: processLabel(full.process),
    materialName: full.material.name,
    finishName: finishLabel(full.finish),
    toleranceName: toleranceLabel(full.toleranceClass),
    quantity: full.quantity,
    unitPriceCents: full.unitPriceCents,
    totalPriceCents: full.totalPriceCents,
    smallOrderSurchargeCents: full.smallOrderSurchargeCents,
    currency: full.currency,
    deliveryDate: full.deliveryDate,
  };
}

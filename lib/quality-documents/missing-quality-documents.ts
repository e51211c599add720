import type { QualityDocumentKind } from "../db/generated/enums";
import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { listDocumentLabels } from "./quality-document-kinds";

/** The documents the order asks for that this line has none of yet. */
export async function missingQualityDocuments(
  tx: TransactionClient,
  orderLineId: string,
): Promise<QualityDocumentKind[]> {
  const line = await tx.orderLine.findUniqueOrThrow({
    where: { id: orderLineId },
    select: {
      order: { select: { requiredQualityDocuments: true } },
      qualityDocuments: { select: { kind: true } },
    },
  });
  const uploaded = new Set(line.qualityDocuments.map((document) => document.kind));
  return line.order.requiredQualityDocuments.filter((kind) => !uploaded.has(kind));
}

/**
 * Refuses to ship a job whose order asks for quality documents not uploaded yet: the parcels would reach
 * the buyer without the papers their goods-in needs.
 */
export async function assertQualityDocumentsUploaded(tx: TransactionClient, orderLineId: string) {
  const missing = await missingQualityDocuments(tx, orderLineId);
  if (missing.length > 0)
    throw new AppError(
      "invalid_state_transition",
      `The order asks for the ${listDocumentLabels(missing)}: upload ${missing.length === 1 ? "it" : "them"} before shipping.`,
    );
}

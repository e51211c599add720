import "server-only";
import { getPrisma } from "../db/prisma";
import { getJobQueue } from "../jobs/get-job-queue";
import { currentAnalysis } from "../parts/current-analysis";
import { findViewablePart } from "../parts/find-viewable-part";
import { readStoredAnalysis } from "../parts/read-stored-analysis";
import { checkPartFileName } from "../parts/check-part-file-name";
import { recordStoredPart } from "../parts/store-part-upload";
import { fileNameFromHeader } from "../public-api/file-name-header";
import type { PublicApiContext } from "../public-api/public-api-route";
import { compareStoredPart } from "../quotes/price-stored-part";
import { quoteDay } from "../quotes/quote-day";
import { getFileStorage } from "../storage/get-file-storage";
import type { getPartOperation, listPartPricesOperation, uploadPartOperation } from "./buyer-operations";
import { toApiPart } from "./to-api-part";

/**
 * uploadPart: records the file, streamed into storage by the wrapper (its name checked before that, by the
 * operation's checkUploadHeaders), as a part of the key's company (uploaded by the key's creator) and
 * queues its analysis.
 */
export async function uploadPartViaApi({ key, headers, body }: PublicApiContext<typeof uploadPartOperation>) {
  const { fileName } = checkPartFileName(fileNameFromHeader(headers["x-file-name"]));
  const db = getPrisma();
  const part = await recordStoredPart(
    { db, storage: getFileStorage(), queue: await getJobQueue() },
    { stored: body, fileName, owner: { companyId: key.companyId, userId: key.createdByUserId } },
  );
  // A file analysed before is ready at once (lib/parts/reuse-stored-analysis.ts).
  const report = readStoredAnalysis(part);
  return { status: 201, body: { part: toApiPart(part, report.kind === "current" ? report.report : null) } };
}

/** getPart: the part of the key's company, with its analysis once done. */
export async function getPartViaApi({ key, params }: PublicApiContext<typeof getPartOperation>) {
  const db = getPrisma();
  const part = await findViewablePart(db, params.partId, { companyId: key.companyId });
  return { status: 200, body: { part: toApiPart(part, await currentAnalysis(db, part)) } };
}

/** listPartPrices: every process at one quantity (preliminary until the final analysis is stored). */
export async function listPartPricesViaApi({
  key,
  params,
  query,
}: PublicApiContext<typeof listPartPricesOperation>) {
  const db = getPrisma();
  const part = await findViewablePart(db, params.partId, { companyId: key.companyId });
  const compared = await compareStoredPart(db, part, query.quantity, quoteDay(), undefined, {
    allowPreliminary: true,
  });
  return {
    status: 200,
    body: {
      partId: part.id,
      quantity: query.quantity,
      preliminary: compared.preliminary,
      priced: compared.priced.map((quote) => ({
        process: quote.process,
        material: quote.material,
        finish: quote.finish,
        tolerance: quote.tolerance,
        quantity: quote.quantity,
        currency: quote.currency,
        unitPriceCents: quote.buyer.unitPriceCents,
        totalPriceCents: quote.totalWithSurchargeCents,
        smallOrderSurchargeCents: quote.smallOrderSurchargeCents,
        deliveryDate: quote.delivery.date,
        earliestDeliveryDate: quote.delivery.earliestDate,
        validUntil: quote.validUntil,
        warnings: quote.warnings,
      })),
      manual: compared.manual.map((quote) => ({
        process: quote.process,
        material: quote.material,
        quantity: quote.quantity,
        reasons: quote.reasons,
        cannotMake: quote.cannotMake.length > 0,
      })),
    },
  };
}

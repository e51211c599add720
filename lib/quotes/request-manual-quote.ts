import { Readable } from "node:stream";
import { z } from "zod";
import { describeQuoteOptions } from "./describe-quote-options";
import { emailSchema } from "../companies/account-fields";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { queueEmail } from "../notifications/queue-email";
import { findViewablePart, type PartViewer } from "../parts/find-viewable-part";
import type { FileStorage } from "../storage/file-storage";
import { chosenFilesRefusal } from "../forms/chosen-files-refusal";
import { uploadFileRules } from "../forms/upload-file-rules";
import { quoteOptionsSchema } from "./quote-options-schema";
import { refuseManualQuoteFlood } from "./refuse-manual-quote-flood";
import { materialNamesOf } from "../catalogue/material-names-of";

export const maxDrawingBytes = uploadFileRules.drawing.maxBytes;

const requestSchema = z.object({
  contactEmail: emailSchema,
  notes: z
    .string()
    .trim()
    .min(5, "Tell us what you need in a few words (at least 5 characters).")
    .max(5000, "Keep the notes under 5000 characters."),
  options: quoteOptionsSchema,
});

/**
 * Asks a person to price a part the engine cannot (too large, tighter tolerances, manufacturability
 * errors): the chosen options, notes and an optional drawing (PDF, DXF, DWG or an image, up to 20 MB).
 * The drawing is checked before anything is stored; the buyer and operations get an e-mail. Limited per
 * part owner and client address per hour (refuse-manual-quote-flood.ts).
 */
export async function requestManualQuote(
  deps: { db: Database; storage: FileStorage },
  requester: PartViewer & { userId?: string; ipAddress?: string },
  partId: string,
  input: { contactEmail: unknown; notes: unknown; options: unknown; drawing?: File | null },
  now = new Date(),
) {
  const request = requestSchema.parse(input);
  const drawing = input.drawing && input.drawing.size > 0 ? input.drawing : null;
  const refusal = drawing && chosenFilesRefusal([drawing], uploadFileRules.drawing);
  if (refusal) throw new AppError("validation_failed", refusal, { field: "drawing" });
  const { db, storage } = deps;
  const part = await findViewablePart(db, partId, requester);
  const flood = {
    owner: part.companyId ? { companyId: part.companyId } : { visitorToken: part.visitorToken! },
    ipAddress: requester.ipAddress,
  };
  // Counted before the drawing is stored, and again under the lock in the transaction.
  await refuseManualQuoteFlood(db, flood, { lock: false, now });
  const stored = drawing
    ? await storage.put(Readable.fromWeb(drawing.stream() as never), { maxBytes: maxDrawingBytes })
    : null;
  return db.$transaction(async (tx) => {
    await refuseManualQuoteFlood(tx, flood, { lock: true, now });
    const created = await tx.manualQuoteRequest.create({
      data: {
        partId: part.id,
        requestedById: requester.userId ?? null,
        contactEmail: request.contactEmail,
        options: request.options,
        notes: request.notes,
        drawingStorageKey: stored?.key ?? null,
        drawingFileName: drawing?.name ?? null,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: requester.userId ?? null,
      companyId: requester.companyId ?? null,
      action: "manual-quote.requested",
      entityType: "ManualQuoteRequest",
      entityId: created.id,
      ipAddress: requester.ipAddress ?? null,
    });
    await queueEmail(tx, {
      to: request.contactEmail,
      subject: `We received your quote request for ${part.originalFileName}`,
      text: `Thank you. An engineer prices ${part.originalFileName} (${request.options.quantity} pcs) by hand and answers within one working day.\n\nYour notes:\n${request.notes}\n\nThe part: ${appUrl()}/parts/${part.id}`,
    });
    const materialName = (await materialNamesOf(tx, [request.options]))(request.options.materialCode);
    await queueEmail(tx, {
      to: getEnv().OPERATIONS_EMAIL,
      subject: `Manual quote request: ${part.originalFileName}`,
      text: [
        `${request.contactEmail} asks for a price for ${part.originalFileName}: ${describeQuoteOptions(request.options, materialName)}.`,
        `Their notes:\n${request.notes}`,
        drawing ? `They attached the drawing ${drawing.name}.` : null,
        `Answer or decline it at ${appUrl()}/ops/quotes/${created.id}`,
      ]
        .filter(Boolean)
        .join("\n\n"),
    });
    return created;
  });
}

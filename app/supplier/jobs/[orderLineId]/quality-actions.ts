"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { qualityDocumentLabels } from "@/lib/quality-documents/quality-document-kinds";
import { uploadQualityDocument } from "@/lib/quality-documents/upload-quality-document";
import { recordShipment } from "@/lib/shipments/record-shipment";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/** Issue 21 (i21-quality): the partner uploads a quality document with its job. */
export const uploadQualityDocumentAction = formAction(
  "supplier.jobs.update",
  z.object({ orderLineId: formText, kind: formText }),
  async ({ orderLineId, kind }, { user, formData }) => {
    const file = formData.get("file");
    const document = await uploadQualityDocument(
      { db: getPrisma(), storage: getFileStorage() },
      { userId: user.id, companyId: user.companyId },
      orderLineId,
      { kind, file: file instanceof File ? file : null },
    );
    revalidatePath(`/supplier/jobs/${orderLineId}`);
    return `${qualityDocumentLabels[document.kind]} “${document.fileName}” is kept with the job; the buyer can download it.`;
  },
  { failure: "keep the document" },
);

/** Issue 21 (i21-quality): the partner ships a parcel of its job (all of it or part). */
export const recordShipmentAction = formAction(
  "supplier.jobs.update",
  z.object({ orderLineId: formText, carrier: formText, trackingNumber: formText, quantity: formText }),
  async ({ orderLineId, ...shipment }, { user }) => {
    const { complete, shippedQuantity } = await recordShipment(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      orderLineId,
      shipment,
    );
    revalidatePath(`/supplier/jobs/${orderLineId}`);
    return complete
      ? "Marked as shipped; the buyer has the tracking number."
      : `Parcel recorded (${shippedQuantity} ${shippedQuantity === 1 ? "part" : "parts"} shipped so far); the buyer has its tracking link.`;
  },
  { failure: "record the parcel" },
);

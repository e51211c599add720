"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { legalDocumentLabels } from "@/lib/legal/legal-document-labels";
import { publishLegalDocument } from "@/lib/legal/publish-legal-document";

/** Publishes a new version of the terms or the privacy notice; the next checkout asks to accept it. */
export const publishLegalDocumentAction = formAction(
  "ops.settings.edit",
  z.object({ kind: formText, title: formText, body: formText }),
  async (input, { user }) => {
    const { version } = await publishLegalDocument(getPrisma(), user.id, input);
    const { name, path } = legalDocumentLabels[input.kind as keyof typeof legalDocumentLabels];
    revalidatePath("/ops/legal");
    revalidatePath(path);
    return `Published version ${version} of the ${name}: it is in force now, and checkout asks buyers to accept it.`;
  },
  { failure: "publish the text" },
);

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { answerComplaint } from "@/lib/complaints/answer-complaint";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { postJobMessage } from "@/lib/messages/post-job-message";
import { getFileStorage } from "@/lib/storage/get-file-storage";

const jobPath = (orderLineId: string) => `/supplier/jobs/${encodeURIComponent(orderLineId)}`;

/** The partner answers a complaint about its job (text, optional photos), before operations decide. */
export const answerComplaintAction = formAction(
  "supplier.jobs.update",
  z.object({
    orderLineId: formText,
    complaintId: formText,
    answer: formText,
    photos: z.array(z.instanceof(File)).default([]),
  }),
  async ({ orderLineId, complaintId, answer, photos }, { user }) => {
    await answerComplaint(
      { db: getPrisma(), storage: getFileStorage() },
      { companyId: user.companyId, userId: user.id },
      complaintId,
      { answer, photos },
    );
    revalidatePath(jobPath(orderLineId));
    return "Your answer is sent; operations read it before they decide, and you are told the decision.";
  },
  { failure: "send the answer" },
);

/** The partner writes to operations about a job. */
export const postSupplierMessageAction = formAction(
  "supplier.jobs.update",
  z.object({ orderLineId: formText, text: formText }),
  async ({ orderLineId, text }, { user }) => {
    await postJobMessage(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      { side: "SUPPLIER", orderLineId },
      { text },
    );
    revalidatePath(jobPath(orderLineId));
    return "Sent to operations.";
  },
  { failure: "send the message" },
);

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { liftProbation } from "@/lib/probation/lift-probation";

export const liftProbationAction = formAction(
  "ops.suppliers.audit",
  z.object({ companyId: formText, reason: formText }),
  async ({ companyId, reason }, { user }) => {
    await liftProbation(getPrisma(), { userId: user.id }, companyId, { reason });
    const path = `/ops/suppliers/${encodeURIComponent(companyId)}`;
    revalidatePath(path);
    redirect(`${path}?done=probation-lifted`);
  },
  { failure: "lift the probation" },
);

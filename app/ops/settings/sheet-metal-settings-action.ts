"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { updateSheetMetalSettings } from "@/lib/settings/update-sheet-metal-settings";

export const updateSheetMetalSettingsAction = formAction(
  "ops.settings.edit",
  z.object({ sheetMetalJson: formText, reason: formText, confirmLargeChange: formText }),
  async (input, { user }) => {
    const { version } = await updateSheetMetalSettings(getPrisma(), { userId: user.id }, input);
    revalidatePath("/ops/settings");
    return `Sheet-metal settings saved as pricing version ${version}.`;
  },
  { failure: "save the sheet-metal settings" },
);

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { areaForRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { createCalendarFeed } from "@/lib/exports/calendar/create-calendar-feed";
import { revokeCalendarFeed } from "@/lib/exports/calendar/revoke-calendar-feed";
import { formAction } from "@/lib/forms/form-action";

const noFields = z.object({});

/** Buyers' and partners' users have a feed; operations have no deliveries of their own. */
function requireFeedHolder(role: Parameters<typeof areaForRole>[0]): void {
  if (areaForRole(role) === "ops")
    throw new AppError("forbidden", "Operations have no calendar of their own: buyers and partners do.");
}

/** A new secret address; the reply's success is the address itself, which the card shows once. */
export const createCalendarFeedAction = formAction(
  "account.signedIn",
  noFields,
  async (_input, { user }) => {
    requireFeedHolder(user.role);
    const url = await createCalendarFeed(getPrisma(), { id: user.id, companyId: user.companyId });
    revalidatePath("/team");
    revalidatePath("/supplier/team");
    return url;
  },
  { failure: "create the calendar address" },
);

export const revokeCalendarFeedAction = formAction(
  "account.signedIn",
  noFields,
  async (_input, { user }) => {
    requireFeedHolder(user.role);
    await revokeCalendarFeed(getPrisma(), { id: user.id, companyId: user.companyId });
    revalidatePath("/team");
    revalidatePath("/supplier/team");
    return "The calendar address no longer works. Calendars that subscribed to it stop updating.";
  },
  { failure: "revoke the calendar address" },
);

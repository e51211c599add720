import { apiRoute } from "@/lib/api/api-route";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { loadCalendarFeed } from "@/lib/exports/calendar/load-calendar-feed";

/**
 * A user's iCal feed (decision 0062). Calendar apps cannot sign in, so the secret token in the address
 * is the check; an unknown, revoked or replaced token is "not found", the same answer as a wrong one.
 */
export const GET = apiRoute<{ token: string }>(async ({ params }) => {
  const token = params.token.replace(/\.ics$/, "");
  const ics = /^[A-Za-z0-9_-]{43}$/.test(token) ? await loadCalendarFeed(getPrisma(), token) : null;
  if (ics === null)
    throw new AppError(
      "not_found",
      "There is no calendar at this address: create a new one on your team page.",
    );
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="deliveries.ics"',
      "cache-control": "private, no-store",
      // The token is in the path: keep it out of other sites' Referer headers.
      "referrer-policy": "no-referrer",
    },
  });
});

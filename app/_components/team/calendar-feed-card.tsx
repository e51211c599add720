import { areaForRole } from "@/lib/auth/roles";
import type { UserRole } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { formatMoment } from "@/app/_components/format-dates";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "./calendar-feed-actions";
import { CreateCalendarFeedForm, RevokeCalendarFeedForm } from "./calendar-feed-forms";
import styles from "./team.module.css";

/**
 * The user's own calendar feed (issue 24, decision 0062) on the team page of buyers and partners: a
 * secret address a calendar app subscribes to, holding the delivery dates (buyers) or the days jobs must
 * be delivered by (partners). Every user has their own, so revoking one does not break a colleague's.
 */
export async function CalendarFeedCard({ user }: { user: { id: string; role: UserRole } }) {
  const area = areaForRole(user.role);
  if (area === "ops") return null;
  const feed = await getPrisma().calendarFeed.findUnique({
    where: { userId: user.id },
    select: { createdAt: true, lastFetchedAt: true },
  });
  return (
    <section className={`card ${styles.calendarCard}`} aria-labelledby="calendar-heading" id="calendar">
      <h2 id="calendar-heading">Your calendar</h2>
      <p>
        {area === "buyer"
          ? "Subscribe to your company's delivery dates in Outlook, Google Calendar or Apple Calendar."
          : "Subscribe to the days your jobs must be delivered by in Outlook, Google Calendar or Apple Calendar."}{" "}
        The address is secret and yours alone: anyone who has it sees the dates, so replace or revoke it if it
        was shared.
      </p>
      {feed ? (
        <p className="muted">
          Address created {formatMoment(feed.createdAt)};{" "}
          {feed.lastFetchedAt
            ? `last read by a calendar ${formatMoment(feed.lastFetchedAt)}`
            : "not read by a calendar yet"}
          .
        </p>
      ) : (
        <p className="muted">You have no calendar address yet.</p>
      )}
      <CreateCalendarFeedForm action={createCalendarFeedAction} replaces={feed !== null} />
      {feed && <RevokeCalendarFeedForm action={revokeCalendarFeedAction} />}
    </section>
  );
}

const berlinDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Berlin",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Quotes are dated in the platform's time zone (Germany), not the server's. */
export function quoteDay(now: Date = new Date()): string {
  return berlinDate.format(now);
}

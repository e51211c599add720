import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendarFeed } from "./build-calendar-feed";

describe("the calendar feed", () => {
  const ics = buildCalendarFeed(
    "Deliveries · Acme GmbH",
    [
      {
        uid: "line-1@instant-quote",
        day: "2026-11-20",
        summary: "Delivery: 10 × bracket.step (Q-2026-000123)",
        description: "In production. Tracking: DHL 00340434161094042557",
        url: "https://quote.example/orders/o1",
      },
    ],
    new Date("2026-11-01T10:00:00Z"),
  );

  it("is an iCalendar file whose entries are whole days with stable ids, read back by a second library", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(ics).toContain("\r\n");
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Deliveries · Acme GmbH");
    const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.uid).toBe("line-1@instant-quote");
    expect(event!.startDate.isDate).toBe(true);
    expect(event!.startDate.toString()).toBe("2026-11-20");
    expect(event!.summary).toBe("Delivery: 10 × bracket.step (Q-2026-000123)");
  });
});

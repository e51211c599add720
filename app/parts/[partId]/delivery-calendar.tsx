"use client";

import type { CalendarDay } from "@/quoting-engine/pricing/delivery-calendar";
import { formatEuros } from "@/lib/money/format-euros";
import { calendarDaysBetween, weekStartOf } from "@/quoting-engine/pricing/working-days";
import styles from "./part.module.css";
import { formatDayAndMonth } from "@/lib/dates/format-day";

/** The faster tiers (dearer days) are tinted; the standard tier and the cheaper ones are not. */
const tierStyles: Partial<Record<CalendarDay["tier"], string>> = {
  express: styles.tierExpress,
  priority: styles.tierPriority,
};

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"];

/**
 * Working days as a week grid (Monday to Friday), each a button with its date and the price per part
 * for delivery on that day; holidays leave their cell empty. The chosen day is pressed.
 */
export function DeliveryCalendar({
  days,
  chosen,
  onChoose,
}: {
  days: CalendarDay[];
  chosen: string;
  onChoose: (date: string) => void;
}) {
  const weeks = new Map<string, (CalendarDay | undefined)[]>();
  for (const day of days) {
    const monday = weekStartOf(day.date);
    const week = weeks.get(monday) ?? [undefined, undefined, undefined, undefined, undefined];
    week[calendarDaysBetween(monday, day.date)] = day;
    weeks.set(monday, week);
  }
  const cheapest = Math.min(...days.map((day) => day.buyerUnitPriceCents));
  return (
    <div className={styles.calendar} role="group" aria-label="Delivery dates and prices">
      {weekdays.map((weekday) => (
        <div key={weekday} className={styles.calendarHead} aria-hidden="true">
          {weekday}
        </div>
      ))}
      {[...weeks.entries()].map(([monday, week]) =>
        week.map((day, index) =>
          day ? (
            <button
              key={day.date}
              type="button"
              className={`${styles.calendarDay} ${tierStyles[day.tier] ?? ""}${day.date === chosen ? " chosen" : ""}`}
              aria-pressed={day.date === chosen}
              aria-label={`${weekdays[index]} ${formatDayAndMonth(day.date)}: ${formatEuros(day.buyerUnitPriceCents)} per part`}
              data-date={day.date}
              onClick={() => onChoose(day.date)}
            >
              <span className={styles.calendarDate}>
                {formatDayAndMonth(day.date)}
              </span>
              <span
                className={`${styles.calendarPrice}${day.buyerUnitPriceCents === cheapest ? ` ${styles.cheapest}` : ""}`}
              >
                {formatEuros(day.buyerUnitPriceCents)}
              </span>
            </button>
          ) : (
            <span key={`${monday}-${index}`} className="calendar-empty" aria-hidden="true" />
          ),
        ),
      )}
    </div>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the partner is told after blocking days: "13 days blocked; skipped 4 weekend days", with "1 day"
 * for one (the message read "13 day(s)"). Pure.
 */
export function blockedDaysSummary(result: {
  blocked: number;
  alreadyBlocked: number;
  weekendDays: number;
}): string {
  const skipped = [
    result.alreadyBlocked > 0 ? `${count(result.alreadyBlocked, "day", "days")} already blocked` : "",
    result.weekendDays > 0 ? count(result.weekendDays, "weekend day", "weekend days") : "",
  ].filter(Boolean);
  return `${count(result.blocked, "day", "days")} blocked${skipped.length ? `; skipped ${skipped.join(" and ")}` : ""}.`;
}

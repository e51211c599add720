/** "2027-12-06" for "2026-12-06": the same day `years` later (29 February becomes 1 March). */
export function isoDayYearsAfter(isoDay: string, years: number): string {
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10);
}

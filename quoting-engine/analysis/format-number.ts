/** A measured number for a message: whole above 100, one decimal above 10, else up to two (25.0, 0.5, 1.24). */
export function formatNumber(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2).replace(/\.?0+$/, "");
}

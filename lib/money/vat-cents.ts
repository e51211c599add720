/** VAT in whole cents, half up. */
export function vatCents(netCents: number, percent: number): number {
  return Math.round((netCents * percent) / 100);
}

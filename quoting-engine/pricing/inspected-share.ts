/**
 * Sample sizes of ISO 2859-1 (sampling by attributes), general inspection level II, single sampling at
 * normal inspection: the largest lot of each code letter and the pieces inspected from it.
 */
const sampleSizes: { maxLot: number; sample: number }[] = [
  { maxLot: 8, sample: 2 },
  { maxLot: 15, sample: 3 },
  { maxLot: 25, sample: 5 },
  { maxLot: 50, sample: 8 },
  { maxLot: 90, sample: 13 },
  { maxLot: 150, sample: 20 },
  { maxLot: 280, sample: 32 },
  { maxLot: 500, sample: 50 },
  { maxLot: 1200, sample: 80 },
  { maxLot: 3200, sample: 125 },
  { maxLot: 10_000, sample: 200 },
  { maxLot: 35_000, sample: 315 },
  { maxLot: 150_000, sample: 500 },
  { maxLot: 500_000, sample: 800 },
  { maxLot: Infinity, sample: 1250 },
];

/**
 * The share of a lot of `quantity` pieces that is measured: ISO 2859-1 level II's sample over the lot
 * (every piece of a lot smaller than its sample). Between the table's lot boundaries the share takes
 * the lowest it reached at any smaller lot, so a piece's inspection never costs more in a larger lot
 * (n/lot alone is a saw-tooth: 2 of 8, then 3 of 9). Returns 1 for a single piece.
 */
export function inspectedShare(quantity: number): number {
  let share = 1;
  for (const row of sampleSizes) {
    share = Math.min(share, row.sample / Math.min(quantity, row.maxLot));
    if (quantity <= row.maxLot) break;
  }
  return share;
}

/** -0 and rounding noise within 2^-40 of zero (a seam's 2.4e-18 beside 0) read as 0: decision 0103. */
export function withNegligibleCoordinatesAsZero(positions: Float64Array): Float64Array {
  for (let index = 0; index < positions.length; index++)
    if (Math.abs(positions[index]!) < 2 ** -40) positions[index] = 0;
  return positions;
}

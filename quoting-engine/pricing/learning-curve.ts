/**
 * Average time per unit over a batch of `quantity` under a learning curve in the unit-time form
 * (Crawford): unit n takes T₁ · n^b with b = log₂(rate); an 80 % curve gives b = −0.3219. Returned as a
 * factor of T₁. `floor` keeps machine-bound cycles from shrinking without limit.
 */
export function learningCurveAverage(quantity: number, rate: number, floor = 0): number {
  if (quantity <= 1 || rate >= 1) return 1;
  const exponent = Math.log2(rate);
  // Exact sum for small batches; beyond, the integral approximation (error well under 0.1 %).
  let sum = 0;
  if (quantity <= 2000) for (let unit = 1; unit <= quantity; unit++) sum += unit ** exponent;
  else sum = ((quantity + 0.5) ** (exponent + 1) - 0.5 ** (exponent + 1)) / (exponent + 1);
  return Math.max(floor, sum / quantity);
}

/** Time of the n-th unit as a factor of the first: n^log₂(rate). */
export function learningCurveUnit(unit: number, rate: number): number {
  return unit ** Math.log2(rate);
}

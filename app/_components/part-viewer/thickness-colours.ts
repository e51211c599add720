/**
 * Viridis (van der Walt and Smith, matplotlib 2015): a sequential palette that stays ordered in
 * lightness for every common colour-vision deficiency and in greyscale. Nine stops, linear in between.
 */
const viridis: [number, number, number][] = [
  [68, 1, 84],
  [71, 45, 123],
  [59, 82, 139],
  [44, 114, 142],
  [33, 145, 140],
  [40, 174, 128],
  [94, 201, 98],
  [173, 220, 48],
  [253, 231, 37],
];

/** The heat map spans 0 to this many millimetres; thicker walls take the top colour. */
export const heatMapTopMm = 3;

/** The legend's marks, mm (the last one means "this or thicker"). */
export const heatMapTicksMm = [0, 0.5, 1, 1.5, 2, 2.5, 3];

/** Colour (0..1 RGB) of a wall this thick on the heat map. */
export function thicknessColour(thicknessMm: number): [number, number, number] {
  const position = (Math.min(Math.max(thicknessMm, 0), heatMapTopMm) / heatMapTopMm) * (viridis.length - 1);
  const index = Math.min(Math.floor(position), viridis.length - 2);
  const share = position - index;
  const [from, to] = [viridis[index]!, viridis[index + 1]!];
  return [0, 1, 2].map((channel) => (from[channel]! + (to[channel]! - from[channel]!) * share) / 255) as [
    number,
    number,
    number,
  ];
}

/** CSS colour of the same, for the legend. */
export function thicknessCss(thicknessMm: number): string {
  const [r, g, b] = thicknessColour(thicknessMm).map((value) => Math.round(value * 255));
  return `rgb(${r}, ${g}, ${b})`;
}

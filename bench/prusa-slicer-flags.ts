/** The FDM reference (decision 0035): PrusaSlicer's built-in defaults plus exactly these flags. */
export const prusaSlicerFlags = [
  "--layer-height",
  "0.2",
  "--first-layer-height",
  "0.2",
  "--fill-density",
  "20%",
  "--support-material",
];

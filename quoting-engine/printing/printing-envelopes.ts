/** The additive processes, each with one build orientation (quoting-engine/printing). */
export const printingProcesses = ["fdm", "sla", "sls", "mjf", "metal_pbf"] as const;
export type PrintingProcess = (typeof printingProcesses)[number];

/**
 * Build volume of the largest machine per additive process in the partner network
 * (prisma/seed/demo-suppliers.ts), as x × y on the plate and z the build height, mm. The same machines as
 * `defaultEnvelopesMm` in analysis/dfm-rules.ts (which lists sizes longest first); here the height is
 * known, because a part taller than the chamber does not fit whatever its footprint.
 */
export const printingEnvelopesMm: Record<PrintingProcess, [number, number, number]> = {
  fdm: [360, 360, 360], // Prusa XL: 360 × 360 × 360 mm
  sla: [353, 196, 350], // Formlabs Form 4L: 35.3 × 19.6 × 35.0 cm
  sls: [340, 340, 600], // EOS P 396: 340 × 340 × 600 mm
  mjf: [380, 284, 380], // HP Jet Fusion 5210: 380 × 284 × 380 mm
  metal_pbf: [500, 280, 365], // SLM 500: 500 × 280 × 365 mm
};

/**
 * How each process picks its orientation. Processes with supports first want the least support: SLA and
 * metal PBF the least supported area (every supported spot is a mark on the surface and cut off by hand;
 * in metal, with a saw or wire), FDM the least support volume (columns of extruded filament: material and
 * printing time, while breaking them off is a minute whatever their footprint; decision 0124: a faceplate
 * stood on its edge for 422 mm² of support instead of 654 had 27 cm³ of columns and printed twice as long
 * as lying flat). Every process then wants the lowest height: the layer count drives SLA, MJF, SLS and
 * metal PBF time (each layer costs a recoat or peel whatever its area), and in FDM fewer, larger layers
 * print steadier. Powder beds (SLS, MJF) need no supports and break height ties by the smallest box,
 * which nests densest.
 */
export const orientationGoals: Record<PrintingProcess, { supports: false | "area" | "volume" }> = {
  fdm: { supports: "volume" },
  sla: { supports: "area" },
  sls: { supports: false },
  mjf: { supports: false },
  metal_pbf: { supports: "area" },
};

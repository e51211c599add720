import { z } from "zod";

const flatPoint = z.tuple([z.number(), z.number()]);

/** quoting-engine/analysis/sheet-metal/sheet-metal-types.ts; absent from analyses stored before it. */
const sheetMetalOkSchema = z.object({
  ok: z.literal(true),
  thicknessMm: z.number().positive(),
  kFactor: z.number().min(0).max(1),
  bends: z.array(
    z.object({
      angleDeg: z.number(),
      innerRadiusMm: z.number().nonnegative(),
      lengthMm: z.number().nonnegative(),
      faces: z.array(z.number().int()),
    }),
  ),
  flatPattern: z.object({
    widthMm: z.number().nonnegative(),
    heightMm: z.number().nonnegative(),
    areaMm2: z.number().nonnegative(),
    cutLengthMm: z.number().nonnegative(),
    pierces: z.number().int().positive(),
    outline: z.object({ outer: z.array(flatPoint), holes: z.array(z.array(flatPoint)) }),
    bendLines: z.array(
      z.object({
        from: flatPoint,
        to: flatPoint,
        angleDeg: z.number(),
        direction: z.enum(["up", "down"]),
        innerRadiusMm: z.number().nonnegative(),
      }),
    ),
  }),
});

export const sheetMetalAnalysisSchema = z.discriminatedUnion("ok", [
  sheetMetalOkSchema,
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

/** quoting-engine/analysis/describe-separate-parts.ts: each part of a file of several (decision 0110). */
export const separatePartsSchema = z.array(
  z.object({
    body: z.number().int().nonnegative(),
    setups: z.number().int().positive(),
    sheetMetal: sheetMetalOkSchema.optional(),
    process: z.enum(["laser_cutting", "sheet_metal", "cnc_milling"]).optional(),
  }),
);

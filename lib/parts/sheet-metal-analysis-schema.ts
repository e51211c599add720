import { z } from "zod";

const flatPoint = z.tuple([z.number(), z.number()]);

/** quoting-engine/analysis/sheet-metal/sheet-metal-types.ts; absent from analyses stored before it. */
export const sheetMetalAnalysisSchema = z.discriminatedUnion("ok", [
  z.object({
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
  }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

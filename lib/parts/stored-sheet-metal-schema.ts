import { z } from "zod";
import type { SheetMetalResult } from "../../quoting-engine/analysis/sheet-metal/sheet-metal-types";

const point = z.tuple([z.number(), z.number()]);

/** The analysis report's sheet-metal block (quoting-engine/analysis/sheet-metal/sheet-metal-types.ts). */
export const storedSheetMetalSchema: z.ZodType<SheetMetalResult> = z.union([
  z.object({
    ok: z.literal(true),
    thicknessMm: z.number().positive(),
    kFactor: z.number(),
    bends: z.array(
      z.object({
        angleDeg: z.number(),
        innerRadiusMm: z.number(),
        lengthMm: z.number(),
        faces: z.array(z.number().int()),
      }),
    ),
    flatPattern: z.object({
      widthMm: z.number(),
      heightMm: z.number(),
      areaMm2: z.number(),
      cutLengthMm: z.number(),
      pierces: z.number().int(),
      outline: z.object({ outer: z.array(point), holes: z.array(z.array(point)) }),
      bendLines: z.array(
        z.object({
          from: point,
          to: point,
          angleDeg: z.number(),
          direction: z.enum(["up", "down"]),
          innerRadiusMm: z.number(),
        }),
      ),
    }),
  }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

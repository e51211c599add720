import { z } from "zod";
import {
  sheetMaterialGroups,
  type SheetMetalPricing,
} from "../../quoting-engine/pricing/sheet-metal/sheet-metal-pricing-data";
import { defaultSheetMetalPricing } from "../../quoting-engine/pricing/sheet-metal/default-sheet-metal-data";

const positive = z.number().positive();
const group = z.enum(sheetMaterialGroups);

/** The sheet-metal pricing settings (quoting-engine/pricing/sheet-metal), checked when read and saved. */
export const sheetMetalPricingSchema: z.ZodType<SheetMetalPricing> = z.object({
  materials: z.record(
    z.string(),
    z
      .object({ group, minThicknessMm: positive, maxThicknessMm: positive })
      .refine((stock) => stock.minThicknessMm <= stock.maxThicknessMm, "The thinnest is above the thickest."),
  ),
  sheetSizesMm: z.array(z.tuple([positive, positive])).min(1),
  partSpacingMm: z.number().min(0),
  edgeTrimMm: z.number().min(0),
  scrapShare: z.number().min(0).max(3),
  cutSpeeds: z
    .array(
      z.object({ group, thicknessMm: positive, mmPerMinute: positive, pierceSeconds: z.number().min(0) }),
    )
    .min(1),
  laserHandlingMinutesPerPart: z.number().min(0),
  secondsPerBend: z.number().min(0),
  setupMinutesPerTooling: z.number().min(0),
  twoPersonBendLengthMm: positive,
  deburrMinutesPerMetre: z.number().min(0),
  deburrMinutesPerPart: z.number().min(0),
  kFactors: z
    .array(z.object({ group, upToThicknessMm: positive, kFactor: z.number().min(0).max(0.5) }))
    .min(1),
  tensileStrengthMpa: z.object({ steel: positive, stainless: positive, aluminium: positive }),
});

export { defaultSheetMetalPricing };

import { z } from "zod";
import {
  manufacturingProcesses,
  quantityLimits,
  toleranceOptions,
} from "../../quoting-engine/catalogue/catalogue";

/** How many pieces one quote may ask for (the catalogue's limits). */
export const quantitySchema = z.number().int().min(quantityLimits.min).max(quantityLimits.max);

/** The options a buyer picks for one part: what the quote API, the cart and manual requests accept. */
export const quoteOptionsSchema = z.object({
  process: z.enum(manufacturingProcesses),
  materialCode: z.string().min(1).max(64),
  finishCode: z.string().min(1).max(64).optional(),
  tolerance: z.enum(toleranceOptions).optional(),
  quantity: quantitySchema,
  deliveryDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)")
    .optional(),
});

export type QuoteOptionsInput = z.infer<typeof quoteOptionsSchema>;

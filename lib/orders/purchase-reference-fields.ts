import { z } from "zod";

const reference = (what: string) =>
  z
    .string()
    .trim()
    .max(50, `Shorten the ${what} to 50 characters.`)
    .regex(/^[^\p{Cc}]*$/u, `Enter the ${what} without control characters.`)
    .default("")
    .transform((value) => value || null);

/**
 * The buyer's optional purchase-order number and cost centre at checkout: stored on the order and printed
 * on every document of it (lib/documents/purchase-reference-lines.ts). Empty means not given.
 */
export const purchaseReferenceSchema = z.object({
  purchaseOrderNumber: reference("purchase-order number"),
  costCentre: reference("cost centre"),
});

import { z } from "zod";

/**
 * Checkout's "save this shipping address" choice: a new shipping address joins the company's address
 * book under the label given (or its name and city when none is).
 */
export const saveShippingAddressSchema = z.object({
  saveShippingAddress: z.boolean().default(false),
  shippingAddressLabel: z.string().trim().max(60, "Shorten the label to 60 characters.").default(""),
});

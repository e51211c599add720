import { z } from "zod";

/**
 * What operations decide about orders that partners would not take as they are, part of the versioned
 * pricing settings (PricingSettings.settings.orderRules):
 *
 * - a line whose partner price is below the smallest minimum order value of every partner who could make
 *   it gets a small-order surcharge (`surchargeEnabled`) that lifts the partner price to that minimum, with
 *   `surchargeMarginPercent` on top and `surchargeFeeCents` per line; without the surcharge the buyer is told
 *   what is missing and cannot order the line until it reaches the minimum;
 * - above `maxInstantQuantity` pieces, or when the earliest delivery date lies more than `horizonDays`
 *   calendar days out, a part gets no instant price but goes to a person (a manual quote request).
 */
export const orderRulesSchema = z.object({
  surchargeEnabled: z.boolean(),
  surchargeMarginPercent: z.number().min(0).max(200),
  surchargeFeeCents: z.number().int().min(0).max(100_000),
  maxInstantQuantity: z.number().int().min(1).max(100_000),
  horizonDays: z.number().int().min(14).max(730),
});

export type OrderRules = z.infer<typeof orderRulesSchema>;

export const defaultOrderRules: OrderRules = {
  surchargeEnabled: true,
  surchargeMarginPercent: 25,
  surchargeFeeCents: 0,
  maxInstantQuantity: 10_000,
  horizonDays: 183,
};

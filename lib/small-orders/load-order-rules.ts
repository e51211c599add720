import type { Database, TransactionClient } from "../db/prisma";
import { defaultOrderRules, orderRulesSchema, type OrderRules } from "./order-rules";

/**
 * The order rules of the newest pricing settings (the horizon, the instant-quote limits) without the rest
 * of the pricing data loadPricingData builds: the defaults when no version stores them yet.
 */
export async function loadOrderRules(db: Database | TransactionClient): Promise<OrderRules> {
  const row = await db.pricingSettings.findFirst({ orderBy: { version: "desc" }, select: { settings: true } });
  const stored = (row?.settings as { orderRules?: unknown } | null)?.orderRules;
  const parsed = orderRulesSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultOrderRules;
}

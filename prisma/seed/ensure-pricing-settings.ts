import type { Database } from "../../lib/db/prisma";
import { toSettingsDocument } from "../../lib/pricing/pricing-settings";
import { defaultPricingData } from "../../quoting-engine/pricing/default-pricing-data";
import { pricingSource } from "./seed-pricing-data";

/**
 * A database seeded before pricing settings existed has none, and cannot price: give it version 1 of the
 * defaults. Leaves any stored version alone. `npm start` runs it on every start.
 */
export async function ensurePricingSettings(db: Database): Promise<boolean> {
  if ((await db.pricingSettings.count()) > 0) return false;
  await db.pricingSettings.createMany({
    data: [{ version: 1, settings: toSettingsDocument(defaultPricingData) as object, source: pricingSource }],
    skipDuplicates: true,
  });
  return true;
}

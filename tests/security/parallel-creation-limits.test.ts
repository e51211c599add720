// Walk 7 (attacker): the per-company caps on API keys (20), webhook endpoints (10) and a quote's share
// links (20), and the address book's one default shipping address, were read and then written without a
// lock, so requests sent at the same moment all saw room below the cap (or no default) and all got in.
// Each is now read under an advisory lock; requests sent together are counted one after another and the
// ones past the cap are refused.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { saveCompanyAddress } from "../../lib/addresses/save-company-address";
import { createApiKey, maxActiveApiKeysPerCompany } from "../../lib/api-keys/create-api-key";
import type { Database } from "../../lib/db/prisma";
import {
  createQuoteShareLink,
  maxShareLinksPerQuote,
} from "../../lib/quote-documents/create-quote-share-link";
import { saveQuote } from "../../lib/quotes/save-quote";
import {
  createWebhookEndpoint,
  maxWebhookEndpointsPerCompany,
} from "../../lib/webhooks/create-webhook-endpoint";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "../integration/setup/test-prisma";

vi.mock("server-only", () => ({}));

/** More requests at once than the cap allows, all started before any of them answers. */
const extraRequests = 8;

describe("per-company caps hold against requests sent at the same moment", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it(`${maxActiveApiKeysPerCompany + extraRequests} API keys created at once leave ${maxActiveApiKeysPerCompany}`, async () => {
    const results = await Promise.allSettled(
      Array.from({ length: maxActiveApiKeysPerCompany + extraRequests }, (_, index) =>
        createApiKey(db, {
          companyId: acme,
          userId: anna.userId,
          name: `race ${index}`,
          scopes: ["orders:read"],
        }),
      ),
    );
    const active = await db.apiKey.count({ where: { companyId: acme, revokedAt: null } });
    expect(active).toBe(maxActiveApiKeysPerCompany);
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(extraRequests);
    for (const refusal of refused)
      expect(String((refusal as PromiseRejectedResult).reason)).toContain("revoke one you no longer use");
  });

  it(`${maxWebhookEndpointsPerCompany + extraRequests} webhook endpoints created at once leave ${maxWebhookEndpointsPerCompany}`, async () => {
    const manager = { userId: anna.userId, companyId: acme, companyKind: "BUYER" as const };
    const results = await Promise.allSettled(
      Array.from({ length: maxWebhookEndpointsPerCompany + extraRequests }, (_, index) =>
        createWebhookEndpoint(
          db,
          manager,
          { url: `https://hooks.example/race-${index}`, events: ["order.placed"] },
          { allowPrivateAddresses: true },
        ),
      ),
    );
    const active = await db.webhookEndpoint.count({ where: { companyId: acme, revokedAt: null } });
    expect(active).toBe(maxWebhookEndpointsPerCompany);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(extraRequests);
  });

  it(`${maxShareLinksPerQuote + extraRequests} share links of one quote made at once leave ${maxShareLinksPerQuote}`, async () => {
    const partId = await createAnalysedPart(db, { companyId: acme });
    const quote = await saveQuote(db, anna, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 2,
    });
    const results = await Promise.allSettled(
      Array.from({ length: maxShareLinksPerQuote + extraRequests }, () =>
        createQuoteShareLink(db, anna, quote.id),
      ),
    );
    expect(await db.quoteShareLink.count({ where: { quoteId: quote.id } })).toBe(maxShareLinksPerQuote);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(extraRequests);
  });

  it("default shipping addresses saved at once leave one default", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: extraRequests }, (_, index) =>
        saveCompanyAddress(db, anna, {
          kind: "SHIPPING",
          label: `Dock ${index}`,
          name: "Goods in",
          line: `Industriestraße ${index + 1}`,
          postalCode: "80331",
          city: "München",
          countryCode: "DE",
          isDefault: true,
        }),
      ),
    );
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(0);
    expect(
      await db.companyAddress.count({ where: { companyId: acme, kind: "SHIPPING", isDefault: true } }),
    ).toBe(1);
  });
});

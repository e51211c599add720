import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import {
  listLegalDocumentVersions,
  loadCurrentLegalDocument,
  loadCurrentLegalVersions,
} from "../../lib/legal/load-legal-documents";
import { publishLegalDocument } from "../../lib/legal/publish-legal-document";
import { placeOrder } from "../../lib/orders/place-order";
import { saveQuote } from "../../lib/quotes/save-quote";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna, goodsInAddress } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "./setup/test-prisma";

const checkout = {
  companyName: "Acme Robotics GmbH",
  vatNumber: "",
  billingAddress: goodsInAddress,
  shippingAddress: goodsInAddress,
  paymentMethod: "INVOICE",
};

describe("versioned terms of business and privacy notice (issue 18)", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  async function cartWithOnePart() {
    const partId = await createAnalysedPart(db, { companyId: acme });
    const quote = await saveQuote(db, anna, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 10,
    });
    await addQuoteToCart(db, anna, quote.id);
  }

  it("starts with version 1 of both demo texts, marked as demo", async () => {
    expect(await loadCurrentLegalVersions(db)).toEqual({ termsVersion: 1, privacyVersion: 1 });
    const terms = await loadCurrentLegalDocument(db, "TERMS");
    expect(terms.body).toMatch(/^DEMO TEXT/);
    expect(terms.body).toMatch(/§ 14 BGB/);
    expect((await loadCurrentLegalDocument(db, "PRIVACY")).body).toMatch(/GDPR/);
  });

  it("refuses an order without the tick, and records the accepted versions with the order", async () => {
    await cartWithOnePart();
    await expect(placeOrder(db, anna, checkout)).rejects.toMatchObject({
      code: "validation_failed",
      details: { field: "acceptTerms" },
      message: expect.stringMatching(/Tick that you accept the terms of business/),
    });
    await expect(placeOrder(db, anna, { ...checkout, acceptTerms: false })).rejects.toMatchObject({
      details: { field: "acceptTerms" },
    });
    // With a refused field, the missing tick is named in the same round, not after the field is fixed.
    const refused = await placeOrder(db, anna, {
      ...checkout,
      billingAddress: { ...goodsInAddress, postalCode: "1234" },
      acceptTerms: false,
    }).catch((error: { issues?: { path: PropertyKey[]; message: string }[] }) => error.issues ?? []);
    expect(Array.isArray(refused) ? refused.map((issue) => issue.path.join(".")) : refused).toEqual([
      "billingAddress.postalCode",
      "acceptTerms",
    ]);
    const order = await placeOrder(db, anna, {
      ...checkout,
      acceptTerms: true,
      termsVersion: "1",
      privacyVersion: "1",
    });
    expect(order).toMatchObject({ acceptedTermsVersion: 1, acceptedPrivacyVersion: 1 });
  });

  it("publishes a new version that keeps the old one, and checkout then needs the new one", async () => {
    const { version } = await publishLegalDocument(db, "seed_user_olga", {
      kind: "TERMS",
      title: "General terms of business",
      body: "Our own terms, replacing the demo text. ".repeat(5),
    });
    expect(version).toBe(2);
    expect((await listLegalDocumentVersions(db, "TERMS")).map((row) => row.version)).toEqual([2, 1]);
    expect(
      (await db.legalDocument.findUniqueOrThrow({ where: { kind_version: { kind: "TERMS", version: 1 } } }))
        .body,
    ).toMatch(/^DEMO TEXT/);
    expect(await db.auditLogEntry.count({ where: { action: "legal_document.published" } })).toBe(1);

    // A checkout opened before the new version names the old one: read and tick again.
    await cartWithOnePart();
    await expect(
      placeOrder(db, anna, { ...checkout, acceptTerms: true, termsVersion: 1, privacyVersion: 1 }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/now version 2/) });
    const order = await placeOrder(db, anna, {
      ...checkout,
      acceptTerms: true,
      termsVersion: 2,
      privacyVersion: 1,
    });
    expect(order).toMatchObject({ acceptedTermsVersion: 2, acceptedPrivacyVersion: 1 });
  });

  it("refuses a publication without a real text, and numbers parallel publications one after another", async () => {
    await expect(
      publishLegalDocument(db, "seed_user_olga", { kind: "PRIVACY", title: "Privacy", body: "too short" }),
    ).rejects.toThrow(/whole text/);
    const body = "A privacy notice long enough to be published here. ".repeat(3);
    const versions = await Promise.all(
      [1, 2, 3].map(() =>
        publishLegalDocument(db, "seed_user_olga", { kind: "PRIVACY", title: "Privacy", body }),
      ),
    );
    expect(versions.map((row) => row.version).sort()).toEqual([2, 3, 4]);
  });
});

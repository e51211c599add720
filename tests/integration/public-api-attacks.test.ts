// Decision 0069: the public API as an attacker with a valid key of another company (IDOR), the wrong kind of
// company, revoked keys, missing scopes, reused Idempotency-Keys, hostile bodies, names and headers. Each
// probe states what the API must answer; the findings these probes turned up are fixed and named in 0069.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { resetEnvCache } from "../../lib/env";
import { seedDatabase } from "../../prisma/seed";
import { acme, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";

vi.mock("server-only", () => ({}));
vi.mock("../../lib/auth/current-user", () => ({ getCurrentUser: async () => null }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const allBuyerScopes = ["parts:write", "quotes:write", "orders:read", "orders:write", "documents:read"];
const allSupplierScopes = ["offers:read", "offers:write", "jobs:write", "payouts:read", "documents:read"];

describe("the public API under attack", () => {
  let db: Database;
  let directory: string;
  let acmeKey: string;
  let otherBuyerKey: string;
  let supplierKey: string;
  let acmeOrderId: string;
  let acmePartId: string;
  let acmeQuoteId: string;
  let requestNumber = 0;

  /** Sends a raw request to a route file (`/api/v1/orders/[orderId]`) as a client would. */
  async function send(
    routeFile: string,
    method: "GET" | "POST",
    input: {
      secret?: string | null;
      params?: Record<string, string>;
      query?: string;
      body?: BodyInit;
      headers?: Record<string, string>;
      idempotencyKey?: string;
    } = {},
  ) {
    const params = input.params ?? {};
    const pathname = routeFile.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name]!));
    requestNumber += 1;
    const headers: Record<string, string> = { ...input.headers };
    if (input.secret !== null) headers.authorization = `Bearer ${input.secret ?? acmeKey}`;
    if (method === "POST") headers["idempotency-key"] ??= input.idempotencyKey ?? `attack-${requestNumber}`;
    const route = (await import(/* @vite-ignore */ `../../app${routeFile}/route`)) as Record<string, Handler>;
    const response = await route[method]!(
      new Request(`http://app.test${pathname}${input.query ? `?${input.query}` : ""}`, {
        method,
        headers,
        body: input.body,
      }),
      { params: Promise.resolve(params) },
    );
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // a file
    }
    return { status: response.status, headers: response.headers, json, text };
  }

  /** A verified admin of `companyId` and an API key the admin created with `scopes`. */
  async function adminWithKey(
    companyId: string,
    role: "BUYER_ADMIN" | "SUPPLIER_ADMIN",
    email: string,
    scopes: string[],
  ) {
    const { createApiKey } = await import("../../lib/api-keys/create-api-key");
    const user = await db.user.create({
      data: { companyId, email, name: email, role, passwordHash: "x", emailVerifiedAt: new Date() },
    });
    const key = await createApiKey(db, { companyId, userId: user.id, name: `Key of ${email}`, scopes });
    return { user, secret: key.secret };
  }

  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "public-api-attacks-"));
    process.env.DATABASE_URL = await createTestDatabase();
    process.env.STORAGE_LOCAL_DIR = directory;
    resetEnvCache();
    const { getPrisma } = await import("../../lib/db/prisma");
    db = getPrisma();
    await seedDatabase(db);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    const { createApiKey } = await import("../../lib/api-keys/create-api-key");
    acmeKey = (
      await createApiKey(db, {
        companyId: acme,
        userId: "seed_user_anna",
        name: "ERP",
        scopes: allBuyerScopes,
      })
    ).secret;
    const other = await db.company.create({
      data: { kind: "BUYER", name: "Other Buyer GmbH", countryCode: "DE" },
    });
    otherBuyerKey = (await adminWithKey(other.id, "BUYER_ADMIN", "admin@other.example", allBuyerScopes))
      .secret;
    const supplierAdmin = await db.user.findFirstOrThrow({
      where: { companyId: "seed_company_mueller", role: "SUPPLIER_ADMIN" },
    });
    supplierKey = (
      await createApiKey(db, {
        companyId: "seed_company_mueller",
        userId: supplierAdmin.id,
        name: "Shop",
        scopes: allSupplierScopes,
      })
    ).secret;
    const { order, line } = await placeAcmeOrder(db);
    acmeOrderId = order.id;
    acmePartId = line.partId;
    acmeQuoteId = (await db.quote.findFirstOrThrow({ where: { partId: line.partId } })).id;
  });
  afterAll(async () => {
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("another buyer's key finds none of Acme's parts, prices, orders, documents or quotes", async () => {
    const asOther = { secret: otherBuyerKey };
    for (const [routeFile, params, query] of [
      ["/api/v1/orders/[orderId]", { orderId: acmeOrderId }, undefined],
      [
        "/api/v1/orders/[orderId]/documents/[document]",
        { orderId: acmeOrderId, document: "confirmation.pdf" },
      ],
      ["/api/v1/parts/[partId]", { partId: acmePartId }],
      ["/api/v1/parts/[partId]/prices", { partId: acmePartId }, "quantity=1"],
    ] as const) {
      const answer = await send(routeFile, "GET", { ...asOther, params, query });
      expect(answer.status, `${routeFile}: ${answer.text.slice(0, 200)}`).toBe(404);
    }
    const listed = await send("/api/v1/orders", "GET", asOther);
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain(acmeOrderId);
    const quote = await send("/api/v1/quotes", "POST", {
      ...asOther,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        partId: acmePartId,
        process: "cnc_milling",
        materialCode: "AL-6061-T6",
        quantity: 1,
      }),
    });
    expect(quote.status).toBe(404);
    const order = await send("/api/v1/orders", "POST", {
      ...asOther,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        quoteIds: [acmeQuoteId],
        paymentMethod: "BANK_TRANSFER",
        companyName: "Other Buyer GmbH",
        billingAddress: {
          name: "x",
          line: "Hauptstraße 1",
          postalCode: "10115",
          city: "Berlin",
          countryCode: "DE",
        },
        shippingAddress: {
          name: "x",
          line: "Hauptstraße 1",
          postalCode: "10115",
          city: "Berlin",
          countryCode: "DE",
        },
        acceptTerms: true,
      }),
    });
    expect([404, 409, 422], order.text).toContain(order.status);
    expect(await db.order.count({ where: { buyerCompany: { name: "Other Buyer GmbH" } } })).toBe(0);
  });

  it("a partner key on buyer routes and a buyer key on partner routes are refused; documents:read shows a partner no buyer's order", async () => {
    expect((await send("/api/v1/orders", "GET", { secret: supplierKey })).status).toBe(403);
    expect((await send("/api/v1/offers", "GET")).status).toBe(403);
    expect((await send("/api/v1/jobs", "GET")).status).toBe(403);
    expect((await send("/api/v1/payouts", "GET")).status).toBe(403);
    const document = await send("/api/v1/orders/[orderId]/documents/[document]", "GET", {
      secret: supplierKey,
      params: { orderId: acmeOrderId, document: "confirmation.pdf" },
    });
    expect(document.status).toBe(404);
  });

  it("refuses revoked, unknown and malformed keys with 401, and a key without the scope with 403", async () => {
    const { createApiKey } = await import("../../lib/api-keys/create-api-key");
    const { revokeApiKey } = await import("../../lib/api-keys/revoke-api-key");
    const readOnly = await createApiKey(db, {
      companyId: acme,
      userId: "seed_user_anna",
      name: "Reader",
      scopes: ["orders:read"],
    });
    expect((await send("/api/v1/orders", "POST", { secret: readOnly.secret, body: "{}" })).status).toBe(403);
    await revokeApiKey(db, { companyId: acme, userId: "seed_user_anna", apiKeyId: readOnly.id });
    for (const secret of [readOnly.secret, `iqk_${"A".repeat(43)}`, "not-a-key", `${acmeKey} extra`])
      expect((await send("/api/v1/orders", "GET", { secret })).status, secret).toBe(401);
    expect((await send("/api/v1/orders", "GET", { secret: null })).status).toBe(401);
    await expect(
      createApiKey(db, { companyId: acme, userId: "seed_user_anna", name: "x", scopes: ["offers:write"] }),
    ).rejects.toThrow();
    await expect(
      createApiKey(db, { companyId: acme, userId: "seed_user_anna", name: "x", scopes: ["admin"] }),
    ).rejects.toThrow();
  });

  it("gives a new key a year by default, refuses an expired key with 401 saying to create a new one", async () => {
    const { createApiKey } = await import("../../lib/api-keys/create-api-key");
    const yearly = await createApiKey(
      db,
      { companyId: acme, userId: "seed_user_anna", name: "Yearly", scopes: ["orders:read"] },
      {},
      new Date("2026-12-06T10:00:00Z"),
    );
    // The end of 6 Dec 2027 in Berlin (CET, UTC+1).
    expect(yearly.expiresAt).toEqual(new Date("2027-12-06T22:59:59Z"));
    await expect(
      createApiKey(db, {
        companyId: acme,
        userId: "seed_user_anna",
        name: "Past",
        scopes: ["orders:read"],
        expiresOn: "2020-01-01",
      }),
    ).rejects.toMatchObject({ code: "validation_failed", details: { field: "expiresOn" } });

    // Made in January with 10 January as its last day: it no longer works.
    const shortLived = await createApiKey(
      db,
      {
        companyId: acme,
        userId: "seed_user_anna",
        name: "Trial",
        scopes: ["orders:read"],
        expiresOn: "2026-01-10",
      },
      {},
      new Date("2026-01-02T09:00:00Z"),
    );
    const expired = await send("/api/v1/orders", "GET", { secret: shortLived.secret });
    expect(expired.status).toBe(401);
    expect(expired.json.detail).toBe(
      "This API key expired: it worked until 10 Jan 2026. An admin creates a new key on the team page; use that one instead.",
    );
    expect((await send("/api/v1/orders", "GET", { secret: yearly.secret })).status).toBe(200);
  });

  it("limits requests without a valid key per client address with 429, while a valid key from there still works", async () => {
    process.env.API_UNKEYED_REQUESTS_PER_MINUTE = "3";
    resetEnvCache();
    try {
      const from = (address: string, secret: string | null) =>
        send("/api/v1/orders", "GET", { secret, headers: { "x-client-address": address } });
      const statuses = [];
      for (const secret of [null, "not-a-key", `iqk_${"B".repeat(43)}`, null])
        statuses.push((await from("203.0.113.50", secret)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await from("203.0.113.50", null);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(refused.json.detail).toMatch(/Too many requests without a valid API key from your network/);
      expect((await from("203.0.113.51", null)).status).toBe(401);
      expect((await from("203.0.113.50", acmeKey)).status).toBe(200);
    } finally {
      delete process.env.API_UNKEYED_REQUESTS_PER_MINUTE;
      resetEnvCache();
    }
  });

  it("keeps Idempotency-Keys apart per key, and refuses one reused on another route", async () => {
    const quoteBody = JSON.stringify({
      partId: acmePartId,
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 3,
    });
    const first = await send("/api/v1/quotes", "POST", {
      idempotencyKey: "shared-key",
      headers: { "content-type": "application/json" },
      body: quoteBody,
    });
    expect(first.status, first.text).toBe(201);
    // Another company with the same Idempotency-Key gets its own answer (here: no such part), not Acme's quote.
    const other = await send("/api/v1/quotes", "POST", {
      secret: otherBuyerKey,
      idempotencyKey: "shared-key",
      headers: { "content-type": "application/json" },
      body: quoteBody,
    });
    expect(other.status).toBe(404);
    expect(other.text).not.toContain((first.json.quote as { id: string }).id);
    const reusedElsewhere = await send("/api/v1/orders", "POST", {
      idempotencyKey: "shared-key",
      headers: { "content-type": "application/json" },
      body: quoteBody,
    });
    expect([409, 422]).toContain(reusedElsewhere.status);
  });

  it("refuses an order whose postal code is not its country's, naming the field and the country's format", async () => {
    const address = { name: "Goods in", line: "Hauptstraße 1", postalCode: "10115", city: "Berlin" };
    const answer = await send("/api/v1/orders", "POST", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        quoteIds: [acmeQuoteId],
        paymentMethod: "BANK_TRANSFER",
        companyName: "Acme Robotics GmbH",
        billingAddress: { ...address, postalCode: "1O115", countryCode: "DE" },
        shippingAddress: { ...address, countryCode: "AT" },
        acceptTerms: true,
      }),
    });
    expect(answer.status, answer.text).toBe(422);
    expect(answer.json.errors).toEqual([
      {
        path: "billingAddress.postalCode",
        message: '"1O115" is not a postal code in Germany: enter 5 digits, e.g. 80331.',
      },
      {
        path: "shippingAddress.postalCode",
        message: '"10115" is not a postal code in Austria: enter 4 digits, e.g. 1010.',
      },
    ]);
  });

  it("answers hostile JSON bodies with 4xx, never 500", async () => {
    const bodies: [string, BodyInit, number[]][] = [
      ["too large", JSON.stringify({ partId: "x".repeat(70_000) }), [413]],
      ["malformed", '{"partId":', [400]],
      ["an array", "[]", [400, 422]],
      ["null", "null", [400, 422]],
      ["a string", '"quote"', [400, 422]],
      ["nested deeply", "[".repeat(60_000) + "]".repeat(60_000), [400, 413, 422]],
      [
        "infinite quantity",
        `{"partId":"${"p"}","process":"cnc_milling","materialCode":"AL","quantity":1e400}`,
        [422],
      ],
      ["prototype keys", `{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}`, [422]],
      ["a byte-order mark", "\uFEFF{}", [400, 422]],
      ["form data", "partId=1&quantity=2", [400]],
    ];
    for (const [what, body, expected] of bodies) {
      const answer = await send("/api/v1/quotes", "POST", {
        headers: { "content-type": "application/json" },
        body,
      });
      expect(expected, `${what}: ${answer.status} ${answer.text.slice(0, 200)}`).toContain(answer.status);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("serves only the named documents: no path traversal, no prototype names", async () => {
    for (const document of [
      "../../../../package.json",
      "..%2F..%2F.env",
      "constructor",
      "__proto__",
      "invoice.pdf\u0000.txt",
    ]) {
      const answer = await send("/api/v1/orders/[orderId]/documents/[document]", "GET", {
        params: { orderId: acmeOrderId, document },
      });
      expect(answer.status, document).toBe(404);
    }
  });

  it("keeps only the last segment of an uploaded file's name and refuses control characters in it", async () => {
    const upload = await send("/api/v1/parts", "POST", {
      headers: { "x-file-name": encodeURIComponent("../../../../tmp/evil.stl") },
      body: new Uint8Array(300).fill(1),
    });
    expect(upload.status, upload.text).toBe(201);
    expect((upload.json.part as { fileName: string }).fileName).toBe("evil.stl");
    for (const name of ["a\u0000.stl", "a\r\nX-Injected: 1.stl"]) {
      const refused = await send("/api/v1/parts", "POST", {
        headers: { "x-file-name": encodeURIComponent(name) },
        body: new Uint8Array(300).fill(2),
      });
      expect(refused.status, name).toBe(400);
    }
  });

  describe("partner routes", () => {
    let holderKey: string;
    let intruderKey: string;
    let offerId: string;
    let jobId: string;

    beforeAll(async () => {
      const { createApiKey } = await import("../../lib/api-keys/create-api-key");
      const { matchWaitingLines } = await import("../../lib/matching/match-waiting-lines");
      await db.weeklyCapacity.updateMany({ data: { machineHoursPerWeek: 500 } });
      const { order, line } = await placeAcmeOrder(db);
      await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
      const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
      offerId = offer.id;
      jobId = line.id;
      const holderAdmin = await db.user.findFirstOrThrow({
        where: { companyId: offer.supplierCompanyId, role: "SUPPLIER_ADMIN" },
      });
      holderKey = (
        await createApiKey(db, {
          companyId: offer.supplierCompanyId,
          userId: holderAdmin.id,
          name: "Holder",
          scopes: allSupplierScopes,
        })
      ).secret;
      const intruder = await db.company.create({
        data: { kind: "SUPPLIER", name: "Intruder Fertigung GmbH", countryCode: "DE", status: "ACTIVE" },
      });
      intruderKey = (
        await adminWithKey(intruder.id, "SUPPLIER_ADMIN", "admin@intruder.example", allSupplierScopes)
      ).secret;
    });

    it("another partner's key cannot see, accept, reject or counter the offer, nor touch the job", async () => {
      const asIntruder = { secret: intruderKey, headers: { "content-type": "application/json" } };
      expect(
        (await send("/api/v1/offers/[offerId]", "GET", { ...asIntruder, params: { offerId } })).status,
      ).toBe(404);
      for (const action of ["accept", "reject", "counteroffer"])
        expect(
          (
            await send(`/api/v1/offers/[offerId]/${action}`, "POST", {
              ...asIntruder,
              params: { offerId },
              body: JSON.stringify(
                action === "counteroffer"
                  ? { priceCents: 1, deliveryDate: "2030-01-01", note: "mine" }
                  : action === "reject"
                    ? { reason: "other" }
                    : {},
              ),
            })
          ).status,
          action,
        ).toBeGreaterThanOrEqual(400);
      expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("PENDING");
      const accepted = await send("/api/v1/offers/[offerId]/accept", "POST", {
        secret: holderKey,
        params: { offerId },
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(accepted.status, accepted.text).toBe(200);
      expect((await send("/api/v1/jobs/[jobId]", "GET", { ...asIntruder, params: { jobId } })).status).toBe(
        404,
      );
      const status = await send("/api/v1/jobs/[jobId]/status", "POST", {
        ...asIntruder,
        params: { jobId },
        body: JSON.stringify({ status: "IN_PRODUCTION" }),
      });
      expect(status.status).toBeGreaterThanOrEqual(400);
      const document = await send("/api/v1/jobs/[jobId]/quality-documents", "POST", {
        secret: intruderKey,
        params: { jobId },
        query: "kind=INSPECTION_REPORT",
        headers: { "x-file-name": "report.pdf" },
        body: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x20]),
      });
      expect(document.status).toBe(404);
      expect((await send("/api/v1/jobs", "GET", { secret: intruderKey })).text).not.toContain(jobId);
      expect((await send("/api/v1/offers", "GET", { secret: intruderKey })).text).not.toContain(offerId);
    });

    it("a key whose creator left the team may read but no longer write (accept an offer, upload a part)", async () => {
      const { matchWaitingLines } = await import("../../lib/matching/match-waiting-lines");
      const { order, line } = await placeAcmeOrder(db);
      await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
      const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
      const { user: leaver, ...key } = await adminWithKey(
        offer.supplierCompanyId,
        "SUPPLIER_ADMIN",
        `leaver-${offer.id}@partner.example`,
        allSupplierScopes,
      );
      await db.user.update({ where: { id: leaver.id }, data: { disabledAt: new Date() } });
      expect((await send("/api/v1/offers", "GET", { secret: key.secret })).status).toBe(200);
      const accepted = await send("/api/v1/offers/[offerId]/accept", "POST", {
        secret: key.secret,
        params: { offerId: offer.id },
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(accepted.status, accepted.text).toBe(403);
      expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PENDING");
      const { user: buyerLeaver, ...buyerKey } = await adminWithKey(
        acme,
        "BUYER_ADMIN",
        `leaver-${offer.id}@acme.example`,
        allBuyerScopes,
      );
      await db.user.update({ where: { id: buyerLeaver.id }, data: { disabledAt: new Date() } });
      const upload = await send("/api/v1/parts", "POST", {
        secret: buyerKey.secret,
        headers: { "x-file-name": "bracket.stl" },
        body: new Uint8Array(300).fill(5),
      });
      expect(upload.status, upload.text).toBe(403);
      expect(await db.part.count({ where: { uploadedById: buyerLeaver.id } })).toBe(0);
    });

    it("a key writes only as far as its creator's current role goes: an admin demoted to finance no longer answers offers by key", async () => {
      const { matchWaitingLines } = await import("../../lib/matching/match-waiting-lines");
      const { order, line } = await placeAcmeOrder(db);
      await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
      const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
      const { user: demoted, ...key } = await adminWithKey(
        offer.supplierCompanyId,
        "SUPPLIER_ADMIN",
        `demoted-${offer.id}@partner.example`,
        allSupplierScopes,
      );
      await db.user.update({ where: { id: demoted.id }, data: { role: "SUPPLIER_FINANCE" } });
      const accept = () =>
        send("/api/v1/offers/[offerId]/accept", "POST", {
          secret: key.secret,
          params: { offerId: offer.id },
          headers: { "content-type": "application/json" },
          body: "{}",
        });
      const refused = await accept();
      expect(refused.status, refused.text).toBe(403);
      expect(refused.text).toContain(
        "The person who created this API key is now Finance on your team, a role that may not accept, reject and counter offers; so this key may not either.",
      );
      expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PENDING");
      // Reads act for the company and go on.
      expect((await send("/api/v1/offers", "GET", { secret: key.secret })).status).toBe(200);
      // Production staff answer offers in the portal, so by key too.
      await db.user.update({ where: { id: demoted.id }, data: { role: "SUPPLIER_MEMBER" } });
      const accepted = await accept();
      expect(accepted.status, accepted.text).toBe(200);

      const { user: buyer, ...buyerKey } = await adminWithKey(
        acme,
        "BUYER_ADMIN",
        `demoted-${offer.id}@acme.example`,
        allBuyerScopes,
      );
      await db.user.update({ where: { id: buyer.id }, data: { role: "BUYER_ENGINEER" } });
      const placed = await send("/api/v1/orders", "POST", { secret: buyerKey.secret, body: "{}" });
      expect(placed.status, placed.text).toBe(403);
      expect(placed.text).toContain("is now Engineer on your team, a role that may not place orders");
    });

    it("refuses a quality document's name with control characters, and one over 10 MB while it streams", async () => {
      const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x20, 0x20, 0x20, 0x20]);
      for (const name of ["report\u0000.pdf", "report\r\nX-Injected: 1.pdf", "photo\u202egpj.pdf"]) {
        const answer = await send("/api/v1/jobs/[jobId]/quality-documents", "POST", {
          secret: holderKey,
          params: { jobId },
          query: "kind=INSPECTION_REPORT",
          headers: { "x-file-name": encodeURIComponent(name) },
          body: pdfBytes,
        });
        expect(answer.status, `${JSON.stringify(name)}: ${answer.text.slice(0, 300)}`).toBe(400);
      }
      const large = new Uint8Array(11 * 1024 * 1024);
      large.set(pdfBytes);
      const tooLarge = await send("/api/v1/jobs/[jobId]/quality-documents", "POST", {
        secret: holderKey,
        params: { jobId },
        query: "kind=INSPECTION_REPORT",
        headers: { "x-file-name": "big.pdf" },
        body: large,
      });
      expect(tooLarge.status).toBe(413);
      expect(await db.qualityDocument.count({ where: { orderLineId: jobId } })).toBe(0);
    });
  });

  describe("webhook endpoints", () => {
    it("refuses private and loopback targets however they are written", async () => {
      const { checkWebhookUrl } = await import("../../lib/webhooks/check-webhook-url");
      for (const url of [
        "https://127.1/hooks",
        "https://0x7f000001/hooks",
        "https://2130706433/hooks",
        "https://0177.0.0.1/hooks",
        "https://0/hooks",
        "https://[::]/hooks",
        "https://[::1]/hooks",
        "https://[::ffff:127.0.0.1]/hooks",
        "https://[0:0:0:0:0:ffff:7f00:1]/hooks",
        "https://[::ffff:a9fe:a9fe]/hooks",
        "https://169.254.169.254/latest/meta-data",
        "https://[fd00::1]/hooks",
        "https://[fe80::1]/hooks",
        "https://[64:ff9b::7f00:1]/hooks",
        "https://[::127.0.0.1]/hooks",
        "https://[2002:7f00:1::]/hooks",
        "https://localhost./hooks",
        "https://LOCALHOST/hooks",
        "https://metadata.google.internal/hooks",
        "https://printer.local/hooks",
        "https://user:pass@example.com/hooks",
        "http://example.com/hooks",
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_INFO",
      ])
        await expect(checkWebhookUrl(url, false), url).rejects.toMatchObject({ code: "validation_failed" });
    });

    it("another company can neither delete nor replay Acme's endpoint and deliveries", async () => {
      const { createWebhookEndpoint } = await import("../../lib/webhooks/create-webhook-endpoint");
      const { revokeWebhookEndpoint } = await import("../../lib/webhooks/revoke-webhook-endpoint");
      const { replayWebhookDelivery } = await import("../../lib/webhooks/replay-webhook-delivery");
      const { emitWebhookEvent } = await import("../../lib/webhooks/emit-webhook-event");
      const acmeManager = { userId: "seed_user_anna", companyId: acme, companyKind: "BUYER" as const };
      const { endpointId } = await createWebhookEndpoint(
        db,
        acmeManager,
        { url: "http://127.0.0.1:9/hooks", events: ["order.placed"] },
        { allowPrivateAddresses: true },
      );
      await db.$transaction((tx) =>
        emitWebhookEvent(tx, {
          companyId: acme,
          type: "order.placed",
          data: {
            orderId: acmeOrderId,
            orderNumber: "ORD-1",
            status: "PLACED",
            paymentMethod: "INVOICE",
            totalCents: 1,
            currency: "EUR",
            lineCount: 1,
          },
        } as never),
      );
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId } });
      const other = await db.company.findFirstOrThrow({ where: { name: "Other Buyer GmbH" } });
      const otherAdmin = await db.user.findFirstOrThrow({ where: { companyId: other.id } });
      const intruder = { userId: otherAdmin.id, companyId: other.id, companyKind: "BUYER" as const };
      await expect(revokeWebhookEndpoint(db, intruder, endpointId)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(
        replayWebhookDelivery(db, intruder, delivery.id, {
          maxAttempts: 1,
          retryBaseSeconds: 1,
          retryMaxSeconds: 1,
          timeoutMs: 500,
          allowPrivateAddresses: true,
        }),
      ).rejects.toMatchObject({ code: "not_found" });
      expect(
        (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).revokedAt,
      ).toBeNull();
    });

    it("does not follow a redirect, and refuses a name that resolves to loopback when it connects", async () => {
      const { createServer } = await import("node:http");
      const { postWebhookRequest } = await import("../../lib/webhooks/post-webhook-request");
      let hits = 0;
      const server = createServer((request, response) => {
        hits += 1;
        response.writeHead(307, { location: "http://169.254.169.254/latest/meta-data" }).end();
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const port = (server.address() as { port: number }).port;
      try {
        const redirected = await postWebhookRequest({
          url: `http://127.0.0.1:${port}/hooks`,
          body: "{}",
          headers: {},
          timeoutMs: 2000,
          allowPrivateAddresses: true,
        });
        expect(redirected).toMatchObject({ ok: false, status: 307 });
        expect(hits).toBe(1);
        const byName = await postWebhookRequest({
          url: `http://localhost:${port}/hooks`,
          body: "{}",
          headers: {},
          timeoutMs: 2000,
          allowPrivateAddresses: false,
        });
        expect(byName).toMatchObject({ ok: false, status: null });
        expect((byName as { error: string }).error).toMatch(/private address/);
        expect(hits).toBe(1);
      } finally {
        server.close();
      }
    });
  });
});

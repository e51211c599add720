import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { analyzeStoredPart } from "../../lib/parts/analyze-stored-part";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { quoteDay } from "../../lib/quotes/quote-day";
import { createAnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import { addWorkingDays } from "../../quoting-engine/pricing/working-days";
import { acme, goodsInAddress as address } from "../fixtures/acme-orders";
import { seededDatabaseWithStorage } from "./setup/seeded-database-with-storage";

vi.mock("server-only", () => ({}));
// Only API keys here: no one is signed in (the session routes' lookup needs a Next request scope).
vi.mock("../../lib/auth/current-user", () => ({ getCurrentUser: async () => null }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Document = {
  paths: Record<
    string,
    Record<string, { operationId: string; responses: Record<string, { content?: Record<string, unknown> }> }>
  >;
};

/**
 * Issue 24: the contract test. Calls every operation of the OpenAPI document through its route handler
 * with a real key (the plate uploaded, analysed, priced, quoted, ordered by invoice, the order listed,
 * read and its confirmation downloaded) and checks each answer against the document's schema for its
 * status and content type with Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Problems (401,
 * 403, 404, 409, 422, 429) are checked against the Problem schema the same way. Fails when a documented
 * operation was not called.
 */
describe("the public API against its OpenAPI document", () => {
  let db: Database;
  let directory: string;
  let document: Document;
  let ajv: Ajv2020;
  let routes: Record<string, Record<string, Handler>>;
  let buyerKey: string;
  const called = new Set<string>();

  /** The document's operation for a concrete path and method, with the path's parameters. */
  function operationFor(method: string, pathname: string) {
    for (const [template, item] of Object.entries(document.paths)) {
      const names: string[] = [];
      const pattern = new RegExp(
        `^${template.replace(/\{(\w+)\}/g, (_match, name: string) => (names.push(name), "([^/]+)"))}$`,
      );
      const match = pattern.exec(pathname);
      const operation = match && item[method.toLowerCase()];
      if (operation)
        return {
          template,
          operation,
          params: Object.fromEntries(
            names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]),
          ),
        };
    }
    throw new Error(`${method} ${pathname} is not in the document`);
  }

  /** The route file's handler for a document path ("/api/v1/parts/{partId}" → app/api/v1/parts/[partId]). */
  async function handlerFor(template: string, method: string): Promise<Handler> {
    const file = `../../app${template.replace(/\{(\w+)\}/g, "[$1]")}/route`;
    routes[file] ??= (await import(/* @vite-ignore */ file)) as Record<string, Handler>;
    const handler = routes[file]![method];
    if (!handler) throw new Error(`${file} exports no ${method}`);
    return handler;
  }

  /** Calls the operation and checks the answer against the document; returns status and JSON body. */
  async function call(
    method: string,
    pathAndQuery: string,
    options: {
      key?: string | null;
      body?: unknown;
      bytes?: Uint8Array;
      headers?: Record<string, string>;
      /** null: send none. */
      idempotencyKey?: string | null;
    } = {},
  ): Promise<{ status: number; body: unknown; response: Response }> {
    const url = new URL(pathAndQuery, "http://app.test");
    const { template, operation, params } = operationFor(method, url.pathname);
    const key = options.key === undefined ? buyerKey : options.key;
    const headers: Record<string, string> = {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...options.headers,
    };
    if (method === "POST" && options.idempotencyKey !== null)
      headers["idempotency-key"] = options.idempotencyKey ?? crypto.randomUUID();
    let body: BodyInit | undefined;
    if (options.bytes) body = options.bytes as unknown as BodyInit;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] = "application/json";
    }
    const handler = await handlerFor(template, method);
    const response = await handler(new Request(url, { method, headers, body }), {
      params: Promise.resolve(params),
    });
    called.add(operation.operationId);
    const status = String(response.status);
    const documented = operation.responses[status];
    expect(
      documented,
      `${operation.operationId} answered ${status}, which the document does not list`,
    ).toBeDefined();
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!;
    expect(
      Object.keys(documented!.content ?? {}),
      `${operation.operationId} ${status} content type`,
    ).toContain(contentType);
    if (!contentType.endsWith("json"))
      return { status: response.status, body: await response.arrayBuffer(), response };
    const json = (await response.json()) as unknown;
    const pointer = [
      "paths",
      template,
      method.toLowerCase(),
      "responses",
      status,
      "content",
      contentType,
      "schema",
    ]
      .map((segment) => segment.replaceAll("~", "~0").replaceAll("/", "~1"))
      .join("/");
    const validate =
      ajv.getSchema(`openapi.json#/${pointer}`) ?? ajv.compile({ $ref: `openapi.json#/${pointer}` });
    const valid = validate(json);
    expect(
      validate.errors ?? [],
      `${operation.operationId} ${status}: ${JSON.stringify(json).slice(0, 400)}`,
    ).toEqual([]);
    expect(valid).toBe(true);
    return { status: response.status, body: json, response };
  }

  beforeAll(async () => {
    const seeded = await seededDatabaseWithStorage("public-api-");
    ({ directory, db } = seeded);
    await db.company.update({
      where: { id: acme },
      data: { invoicePaymentApproved: true, creditLimitCents: 5_000_000, orderApprovalLimitCents: null },
    });
    routes = {};
    const { buildOpenApiDocument } = await import("../../lib/public-api/openapi-document");
    document = JSON.parse(JSON.stringify(buildOpenApiDocument())) as Document;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(document, "openapi.json");
    const { createApiKey } = await import("../../lib/api-keys/create-api-key");
    buyerKey = (
      await createApiKey(db, {
        companyId: acme,
        userId: "seed_user_anna",
        name: "ERP",
        scopes: ["parts:write", "quotes:write", "orders:read", "orders:write", "documents:read"],
      })
    ).secret;
  });
  afterAll(async () => {
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("uploads the plate, follows its analysis, prices, quotes, orders by invoice, lists, reads and downloads", async () => {
    const upload = await call("POST", "/api/v1/parts", {
      bytes: readFileSync("tests/fixtures/cad/synth_plate_4thru_1blind.step"),
      headers: { "x-file-name": encodeURIComponent("plate.step") },
    });
    expect(upload.status).toBe(201);
    const partId = (upload.body as { part: { id: string; status: string } }).part.id;
    const pool = createAnalysisPool({ size: 1 });
    try {
      await analyzeStoredPart({ db, storage: createLocalFileStorage(directory), pool }, partId);
    } finally {
      await pool.close();
    }
    const part = await call("GET", `/api/v1/parts/${partId}`);
    expect(
      (part.body as { part: { status: string; analysis?: { boundingBoxMm: { x: number } } } }).part,
    ).toMatchObject({
      status: "ANALYZED",
      analysis: { boundingBoxMm: expect.objectContaining({ x: expect.any(Number) }) },
    });

    const prices = await call("GET", `/api/v1/parts/${partId}/prices?quantity=10`);
    const priced = (
      prices.body as { priced: { process: string; material: { code: string }; totalPriceCents: number }[] }
    ).priced;
    const milling = priced.find((option) => option.process === "cnc_milling");
    expect(milling, "the plate is priced for CNC milling").toBeDefined();

    // Decision 0084: refused with days as people read them: the next working day (before the earliest
    // delivery), a Saturday four to five weeks out, and a day decades out.
    const saturday = new Date(Date.now() + 28 * 86_400_000);
    saturday.setUTCDate(saturday.getUTCDate() + ((6 - saturday.getUTCDay() + 7) % 7));
    const day = String.raw`\d{1,2} [A-Z][a-z]{2} \d{4}`;
    for (const [deliveryDate, refusal] of [
      [
        addWorkingDays(quoteDay(), 1),
        new RegExp(
          `^The earliest delivery date for 10 parts is ${day} \\(express\\); ${day} is too early\\.`,
        ),
      ],
      [
        saturday.toISOString().slice(0, 10),
        new RegExp(
          `is a Saturday: deliveries arrive on working days\\. Choose a working day, such as ${day}\\.`,
        ),
      ],
      ["2099-01-01", /^1 Jan 2099 is more than 6 months out/],
    ] as const) {
      const refused = await call("POST", "/api/v1/quotes", {
        body: {
          partId,
          process: "cnc_milling",
          materialCode: milling!.material.code,
          quantity: 10,
          deliveryDate,
        },
      });
      expect(refused.status).toBe(422);
      expect((refused.body as { detail: string }).detail).toMatch(refusal);
    }

    const quote = await call("POST", "/api/v1/quotes", {
      body: { partId, process: "cnc_milling", materialCode: milling!.material.code, quantity: 10 },
    });
    expect(quote.status).toBe(201);
    const quoteId = (quote.body as { quote: { id: string; totalPriceCents: number } }).quote.id;

    const order = await call("POST", "/api/v1/orders", {
      body: {
        quoteIds: [quoteId],
        paymentMethod: "INVOICE",
        companyName: "Acme Robotics GmbH",
        billingAddress: address,
        shippingAddress: address,
        purchaseOrderNumber: "PO-24-1",
        acceptTerms: true,
      },
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const placed = (order.body as { order: { id: string; status: string; documents: { name: string }[] } })
      .order;
    expect(placed.status).toBe("CONFIRMED");
    expect(placed.documents.map((document) => document.name)).toEqual(["confirmation.pdf", "invoice.pdf"]);

    const list = await call("GET", "/api/v1/orders?limit=1");
    expect((list.body as { data: { id: string }[] }).data.map((row) => row.id)).toEqual([placed.id]);
    const got = await call("GET", `/api/v1/orders/${placed.id}`);
    expect((got.body as { order: { purchaseOrderNumber: string } }).order.purchaseOrderNumber).toBe(
      "PO-24-1",
    );
    const pdf = await call("GET", `/api/v1/orders/${placed.id}/documents/confirmation.pdf`);
    expect(Buffer.from((pdf.body as ArrayBuffer).slice(0, 5)).toString()).toBe("%PDF-");
  }, 180_000);

  it("answers refusals as problem+json with the AppError code, as documented", async () => {
    const none = await call("GET", "/api/v1/orders", { key: null });
    expect(none.body).toMatchObject({ status: 401, code: "unauthenticated", instance: "/api/v1/orders" });
    expect(none.response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await call("GET", "/api/v1/orders", { key: "iqk_not-a-key" })).status).toBe(401);

    const { createApiKey } = await import("../../lib/api-keys/create-api-key");
    const readOnly = await createApiKey(db, {
      companyId: acme,
      userId: "seed_user_anna",
      name: "BI",
      scopes: ["orders:read"],
    });
    const refused = await call("POST", "/api/v1/quotes", {
      key: readOnly.secret,
      body: { partId: "x", process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 1 },
    });
    expect(refused.body).toMatchObject({ status: 403, code: "forbidden" });

    expect((await call("GET", "/api/v1/orders/no-such-order")).body).toMatchObject({
      status: 404,
      code: "not_found",
    });
    const invalid = await call("POST", "/api/v1/quotes", {
      body: { partId: "x", process: "welding", quantity: 0 },
    });
    expect(invalid.body).toMatchObject({ status: 422, code: "validation_failed" });
    expect((invalid.body as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    // Decision 0084: sentences that name the field and what it takes, not zod's "Too small: expected …".
    const detail = (invalid.body as { detail: string }).detail;
    expect(detail).toContain("quantity must be a whole number from 1 to 100,000");
    expect(detail).toMatch(/process must be one of "cnc_milling", /);
    expect(detail).toContain("materialCode is missing: it must be a text");
    expect(detail).not.toMatch(/Too small|Invalid|expected|>=/);
    expect((await call("GET", "/api/v1/orders?cursor=garbage")).body).toMatchObject({
      status: 400,
      code: "bad_request",
    });
  });

  it("replays a POST with the same Idempotency-Key and body, refuses another body under it, and requires one", async () => {
    const { createAnalysedPart } = await import("../fixtures/create-analysed-part");
    const partId = await createAnalysedPart(db, { companyId: acme });
    const body = { partId, process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 5 };
    const first = await call("POST", "/api/v1/quotes", { body, idempotencyKey: "erp-quote-1" });
    const again = await call("POST", "/api/v1/quotes", { body, idempotencyKey: "erp-quote-1" });
    expect(again.status).toBe(201);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await db.quote.count({ where: { partId } })).toBe(1);

    const other = await call("POST", "/api/v1/quotes", {
      body: { ...body, quantity: 6 },
      idempotencyKey: "erp-quote-1",
    });
    expect(other.body).toMatchObject({ status: 409, code: "conflict" });
    expect(await db.quote.count({ where: { partId } })).toBe(1);

    const without = await call("POST", "/api/v1/quotes", { body, idempotencyKey: null });
    expect(without.body).toMatchObject({ status: 400, code: "bad_request" });
    expect((without.body as { detail: string }).detail).toContain("Idempotency-Key");
  });

  it("limits each key's requests per minute with 429 and Retry-After, and refuses a revoked key at once", async () => {
    const { createApiKey } = await import("../../lib/api-keys/create-api-key");
    const { revokeApiKey } = await import("../../lib/api-keys/revoke-api-key");
    const slow = await createApiKey(db, {
      companyId: acme,
      userId: "seed_user_anna",
      name: "Slow",
      scopes: ["orders:read"],
      requestsPerMinute: 2,
    });
    // Five requests: even across a minute boundary at most 2 + 2 pass.
    const answers = [];
    for (let index = 0; index < 5; index += 1)
      answers.push(await call("GET", "/api/v1/orders", { key: slow.secret }));
    const limited = answers.find((answer) => answer.status === 429);
    expect(limited, "one of five requests over a limit of two is refused").toBeDefined();
    expect(limited!.body).toMatchObject({ code: "rate_limited", status: 429 });
    const retryAfter = Number(limited!.response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(answers[0]!.response.headers.get("ratelimit-limit")).toBe("2");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: slow.id } })).lastUsedAt).not.toBeNull();

    await revokeApiKey(db, { companyId: acme, userId: "seed_user_anna", apiKeyId: slow.id });
    expect((await call("GET", "/api/v1/orders", { key: slow.secret })).body).toMatchObject({
      status: 401,
      code: "unauthenticated",
    });
    const audit = await db.auditLogEntry.findMany({ where: { entityId: slow.id }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["api_key.created", "api_key.revoked"]);
  });

  it("gives partners no buyer scopes, and a suspended company's keys only read", async () => {
    const { createApiKey } = await import("../../lib/api-keys/create-api-key");
    await expect(
      createApiKey(db, {
        companyId: "seed_company_mueller",
        userId: "seed_user_mueller_staff",
        name: "x",
        scopes: ["orders:write"],
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const key = await createApiKey(db, {
      companyId: acme,
      userId: "seed_user_anna",
      name: "Both",
      scopes: ["orders:read", "quotes:write"],
    });
    await db.company.update({ where: { id: acme }, data: { status: "SUSPENDED" } });
    try {
      expect((await call("GET", "/api/v1/orders", { key: key.secret })).status).toBe(200);
      const write = await call("POST", "/api/v1/quotes", {
        key: key.secret,
        body: { partId: "x", process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 1 },
      });
      expect(write.body).toMatchObject({ status: 403, code: "forbidden" });
    } finally {
      await db.company.update({ where: { id: acme }, data: { status: "ACTIVE" } });
    }
  });

  it("lets a suspended partner's key finish its accepted jobs, as the portal does, but answer no offer", async () => {
    const { createApiKey } = await import("../../lib/api-keys/create-api-key");
    const key = await createApiKey(db, {
      companyId: "seed_company_mueller",
      userId: "seed_user_mueller_staff",
      name: "ERP",
      scopes: ["jobs:write", "offers:write"],
    });
    await db.company.update({ where: { id: "seed_company_mueller" }, data: { status: "SUSPENDED" } });
    try {
      // Past the key check: the handler answers (no such job), where the key was refused with 403.
      const job = await call("POST", "/api/v1/jobs/no-such-job/status", {
        key: key.secret,
        body: { status: "IN_PRODUCTION" },
      });
      expect(job.body).toMatchObject({ status: 404, code: "not_found" });
      const offer = await call("POST", "/api/v1/offers/no-such-offer/accept", { key: key.secret });
      expect(offer.body).toMatchObject({
        status: 403,
        code: "forbidden",
        detail:
          "Your company's account is suspended: its keys may read and finish the jobs you accepted, but not change anything else until operations reinstate it.",
      });
    } finally {
      await db.company.update({ where: { id: "seed_company_mueller" }, data: { status: "ACTIVE" } });
    }
  });

  it("answers the partner operations as documented: offers, answers, jobs, parcels, documents, payouts", async () => {
    // Issue 24 (i24-partner, decision 0060): three orders offered to the best partner; its key answers.
    const { placeAcmeOrder } = await import("../fixtures/acme-orders");
    const { matchWaitingLines } = await import("../../lib/matching/match-waiting-lines");
    const { createApiKey } = await import("../../lib/api-keys/create-api-key");
    await db.weeklyCapacity.updateMany({ data: { machineHoursPerWeek: 500 } });
    const offered = [];
    for (let index = 0; index < 3; index += 1) {
      const { order, line } = await placeAcmeOrder(db);
      await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
      offered.push({
        line,
        offer: await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } }),
      });
    }
    const keyOf = async (supplierCompanyId: string) => {
      const admin = await db.user.findFirstOrThrow({
        where: { companyId: supplierCompanyId, role: "SUPPLIER_ADMIN" },
      });
      return (
        await createApiKey(db, {
          companyId: supplierCompanyId,
          userId: admin.id,
          name: "Shop software",
          scopes: ["offers:read", "offers:write", "jobs:write", "payouts:read"],
        })
      ).secret;
    };
    const [accepting, rejecting, countering] = offered;
    const key = await keyOf(accepting!.offer.supplierCompanyId);
    expect((await call("GET", "/api/v1/offers?status=PENDING&limit=10", { key })).status).toBe(200);
    expect((await call("GET", `/api/v1/offers/${accepting!.offer.id}`, { key })).status).toBe(200);
    expect((await call("POST", `/api/v1/offers/${accepting!.offer.id}/accept`, { key })).status).toBe(200);
    const jobId = accepting!.line.id;
    expect((await call("GET", "/api/v1/jobs?limit=10", { key })).status).toBe(200);
    expect((await call("GET", `/api/v1/jobs/${jobId}`, { key })).status).toBe(200);
    const step = await call("POST", `/api/v1/jobs/${jobId}/status`, {
      key,
      body: { status: "IN_PRODUCTION" },
    });
    expect(step.status).toBe(200);
    const document = await call("POST", `/api/v1/jobs/${jobId}/quality-documents?kind=INSPECTION_REPORT`, {
      key,
      bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]),
      headers: { "x-file-name": "report.pdf" },
    });
    expect(document.status).toBe(201);
    const parcel = await call("POST", `/api/v1/jobs/${jobId}/shipments`, {
      key,
      body: { carrier: "DPD", trackingNumber: "01234567890123", quantity: 10 },
    });
    expect(parcel.body).toMatchObject({ complete: true });
    expect((await call("GET", "/api/v1/payouts", { key })).status).toBe(200);
    const rejected = await call("POST", `/api/v1/offers/${rejecting!.offer.id}/reject`, {
      key: await keyOf(rejecting!.offer.supplierCompanyId),
      body: { reason: "MACHINE_DOWN", note: "Spindle bearing" },
    });
    expect(rejected.status).toBe(200);
    const countered = await call("POST", `/api/v1/offers/${countering!.offer.id}/counteroffer`, {
      key: await keyOf(countering!.offer.supplierCompanyId),
      body: {
        priceCents: countering!.offer.supplierPriceCents + 100,
        deliveryDate: countering!.line.deliveryDate.toISOString().slice(0, 10),
      },
    });
    expect(countered.status).toBe(201);
  }, 120_000);

  it("has called every operation the document lists", () => {
    const documented = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(documented.filter((operationId) => !called.has(operationId))).toEqual([]);
  });
});

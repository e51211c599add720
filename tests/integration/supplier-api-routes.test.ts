import fs from "node:fs/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { formatDay } from "../../lib/dates/format-day";
import type { Database } from "../../lib/db/prisma";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import type { ApiOperation } from "../../lib/public-api/api-operation";
import { problemSchema } from "../../lib/public-api/problem-response";
import * as operations from "../../lib/supplier-api/supplier-api-operations";
import { acme, placeAcmeOrder } from "../fixtures/acme-orders";
import { seededDatabaseWithStorage } from "./setup/seeded-database-with-storage";

vi.mock("server-only", () => ({}));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

// Issue 24 (i24-partner, docs/decisions/0060): the partner operations over HTTP with real keys, through the
// framework's wrapper: scopes, Idempotency-Key, problem+json, and every answer checked against the schema
// the OpenAPI document publishes for its operation and status.
describe("the partner operations of the public API", () => {
  let db: Database;
  let directory: string;
  let routes: Record<string, { GET?: Handler; POST?: Handler }>;
  let requestNumber = 0;

  /** Calls an operation as a client would, and checks the answer against the operation's documented schema. */
  async function call(
    operation: ApiOperation,
    secret: string,
    input: {
      params?: Record<string, string>;
      query?: Record<string, string>;
      body?: unknown;
      bytes?: Uint8Array;
      headers?: Record<string, string>;
      idempotencyKey?: string;
    } = {},
  ) {
    const params = input.params ?? {};
    const pathname = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!);
    const url = new URL(`http://app.test${pathname}`);
    for (const [name, value] of Object.entries(input.query ?? {})) url.searchParams.set(name, value);
    requestNumber += 1;
    const headers: Record<string, string> = { authorization: `Bearer ${secret}`, ...input.headers };
    if (operation.method === "post")
      headers["idempotency-key"] = input.idempotencyKey ?? `test-${requestNumber}`;
    if (input.body !== undefined) headers["content-type"] = "application/json";
    const routeFile = operation.path.replace(/\{(\w+)\}/g, "[$1]");
    const handler = routes[routeFile]?.[operation.method.toUpperCase() as "GET" | "POST"];
    if (!handler) throw new Error(`No route file exports ${operation.method} for ${routeFile}`);
    const response = await handler(
      new Request(url, {
        method: operation.method.toUpperCase(),
        headers,
        body: input.bytes
          ? (input.bytes as Uint8Array<ArrayBuffer>)
          : input.body !== undefined
            ? JSON.stringify(input.body)
            : undefined,
      }),
      { params: Promise.resolve(params) },
    );
    const json = (await response.json()) as unknown;
    const documented = operation.responses[response.status];
    if (response.status >= 400) {
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      return { status: response.status, headers: response.headers, body: problemSchema.parse(json) as never };
    }
    expect(documented && "schema" in documented, `${operation.operationId} answered ${response.status}`).toBe(
      true,
    );
    const schema = (documented as { schema: z.ZodType }).schema;
    expect(schema.parse(json)).toEqual(json);
    return { status: response.status, headers: response.headers, body: json as never };
  }

  /** An order offered to the best supplier, and a key of that supplier with `scopes`. */
  async function offeredOrder(scopes: string[], options: Parameters<typeof placeAcmeOrder>[1] = {}) {
    const { order, line } = await placeAcmeOrder(db, options);
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
    const admin = await db.user.findFirstOrThrow({
      where: { companyId: offer.supplierCompanyId, role: "SUPPLIER_ADMIN" },
    });
    const key = await createApiKey(db, {
      companyId: offer.supplierCompanyId,
      userId: admin.id,
      name: `shop system ${requestNumber}`,
      scopes,
    });
    return { order, line, offer, secret: key.secret, admin };
  }

  const allScopes = ["offers:read", "offers:write", "jobs:write", "payouts:read"];

  beforeAll(async () => {
    const seeded = await seededDatabaseWithStorage("supplier-api-");
    ({ directory, db } = seeded);
    routes = {
      "/api/v1/offers": await import("../../app/api/v1/offers/route"),
      "/api/v1/offers/[offerId]": await import("../../app/api/v1/offers/[offerId]/route"),
      "/api/v1/offers/[offerId]/accept": await import("../../app/api/v1/offers/[offerId]/accept/route"),
      "/api/v1/offers/[offerId]/reject": await import("../../app/api/v1/offers/[offerId]/reject/route"),
      "/api/v1/offers/[offerId]/counteroffer":
        await import("../../app/api/v1/offers/[offerId]/counteroffer/route"),
      "/api/v1/jobs": await import("../../app/api/v1/jobs/route"),
      "/api/v1/jobs/[jobId]": await import("../../app/api/v1/jobs/[jobId]/route"),
      "/api/v1/jobs/[jobId]/status": await import("../../app/api/v1/jobs/[jobId]/status/route"),
      "/api/v1/jobs/[jobId]/shipments": await import("../../app/api/v1/jobs/[jobId]/shipments/route"),
      "/api/v1/jobs/[jobId]/quality-documents":
        await import("../../app/api/v1/jobs/[jobId]/quality-documents/route"),
      "/api/v1/payouts": await import("../../app/api/v1/payouts/route"),
    } as never;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await fs.rm(directory, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await db.weeklyCapacity.updateMany({ data: { machineHoursPerWeek: 500 } });
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
  });

  it("takes a job from offer to shipment: accept once, progress, document, parcels", async () => {
    const { line, offer, secret, admin } = await offeredOrder(allScopes, {
      requiredQualityDocuments: ["CERTIFICATE_OF_CONFORMITY"],
    });
    const listed = await call(operations.listOffersOperation, secret, { query: { status: "PENDING" } });
    expect(listed.status).toBe(200);
    expect((listed.body as { data: { id: string }[] }).data.map((entry) => entry.id)).toContain(offer.id);

    const accepted = await call(operations.acceptOfferOperation, secret, {
      params: { offerId: offer.id },
      idempotencyKey: "accept-once",
    });
    expect(accepted).toMatchObject({ status: 200, body: { offerId: offer.id, jobId: line.id } });
    // A retry of the same request (a lost answer) gets the same answer, not a refusal.
    const replayed = await call(operations.acceptOfferOperation, secret, {
      params: { offerId: offer.id },
      idempotencyKey: "accept-once",
    });
    expect(replayed).toMatchObject({ status: 200, body: { offerId: offer.id, jobId: line.id } });
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    // A new request to accept again is refused in the portal's words.
    const again = await call(operations.acceptOfferOperation, secret, { params: { offerId: offer.id } });
    expect(again).toMatchObject({
      status: 409,
      body: { code: "invalid_state_transition", detail: "You accepted this offer already." },
    });
    const log = await db.auditLogEntry.findFirstOrThrow({
      where: { action: "offer.accept", entityId: offer.id },
    });
    expect(log.actorUserId).toBe(admin.id);

    const producing = await call(operations.updateJobStatusOperation, secret, {
      params: { jobId: line.id },
      body: { status: "IN_PRODUCTION" },
    });
    expect(producing).toMatchObject({
      status: 200,
      body: { status: "IN_PRODUCTION", missingQualityDocuments: ["CERTIFICATE_OF_CONFORMITY"] },
    });
    const tooEarly = await call(operations.shipJobOperation, secret, {
      params: { jobId: line.id },
      body: { carrier: "DPD", trackingNumber: "01234567890123", quantity: 10 },
    });
    expect(tooEarly).toMatchObject({
      status: 409,
      body: { detail: "The order asks for the certificate of conformity: upload it before shipping." },
    });

    const notPdf = await call(operations.uploadQualityDocumentOperation, secret, {
      params: { jobId: line.id },
      query: { kind: "CERTIFICATE_OF_CONFORMITY" },
      headers: { "x-file-name": "coc.pdf" },
      bytes: new TextEncoder().encode("plain text, not a PDF"),
    });
    expect(notPdf).toMatchObject({ status: 422, body: { code: "validation_failed" } });
    const uploaded = await call(operations.uploadQualityDocumentOperation, secret, {
      params: { jobId: line.id },
      query: { kind: "CERTIFICATE_OF_CONFORMITY" },
      headers: { "x-file-name": encodeURIComponent("Konformität 4711.pdf") },
      bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]),
    });
    expect(uploaded).toMatchObject({
      status: 201,
      body: {
        kind: "CERTIFICATE_OF_CONFORMITY",
        fileName: "Konformität 4711.pdf",
        contentType: "application/pdf",
      },
    });

    const wrongNumber = await call(operations.shipJobOperation, secret, {
      params: { jobId: line.id },
      body: { carrier: "UPS", trackingNumber: "1Z999AA10123456785", quantity: 4 },
    });
    expect(wrongNumber).toMatchObject({ status: 422, body: { errors: [{ path: "trackingNumber" }] } });
    const first = await call(operations.shipJobOperation, secret, {
      params: { jobId: line.id },
      body: { carrier: "UPS", trackingNumber: "1Z999AA10123456784", quantity: 4 },
    });
    expect(first).toMatchObject({ status: 201, body: { shippedQuantity: 4, complete: false } });
    const last = await call(operations.shipJobOperation, secret, {
      params: { jobId: line.id },
      body: { carrier: "DPD", trackingNumber: "01234567890123", quantity: 6 },
    });
    expect(last).toMatchObject({
      status: 201,
      body: {
        shippedQuantity: 10,
        complete: true,
        shipment: { trackingUrl: "https://tracking.dpd.de/status/en_US/parcel/01234567890123" },
      },
    });
    const job = await call(operations.getJobOperation, secret, { params: { jobId: line.id } });
    expect(job).toMatchObject({ status: 200, body: { status: "SHIPPED", nextSteps: [] } });
    const jobs = await call(operations.listJobsOperation, secret, {
      query: { status: "SHIPPED", limit: "5" },
    });
    expect((jobs.body as { data: { jobId: string }[] }).data.map((entry) => entry.jobId)).toContain(line.id);
    const payouts = await call(operations.listPayoutsOperation, secret);
    expect(payouts.status).toBe(200);
  });

  it("rejects with a reason, counters, and refuses what the key may not do", async () => {
    const first = await offeredOrder(allScopes);
    const noNote = await call(operations.rejectOfferOperation, first.secret, {
      params: { offerId: first.offer.id },
      body: { reason: "OTHER" },
    });
    expect(noNote).toMatchObject({ status: 422, body: { errors: [{ path: "note" }] } });
    const rejected = await call(operations.rejectOfferOperation, first.secret, {
      params: { offerId: first.offer.id },
      body: { reason: "NO_CAPACITY" },
    });
    expect(rejected).toMatchObject({ status: 200, body: { offerId: first.offer.id, status: "REJECTED" } });
    expect(await db.offer.findUniqueOrThrow({ where: { id: first.offer.id } })).toMatchObject({
      status: "REJECTED",
      rejectReason: "NO_CAPACITY",
    });

    const second = await offeredOrder(allScopes);
    // A Saturday after the buyer's date is no delivery day: refused with the day and the next working day.
    const saturday = new Date(second.line.deliveryDate);
    do saturday.setUTCDate(saturday.getUTCDate() + 1);
    while (saturday.getUTCDay() !== 6);
    const onSaturday = await call(operations.counterOfferOperation, second.secret, {
      params: { offerId: second.offer.id },
      body: {
        priceCents: second.offer.supplierPriceCents + 1,
        deliveryDate: saturday.toISOString().slice(0, 10),
      },
    });
    expect(onSaturday.status).toBe(422);
    expect(JSON.stringify(onSaturday.body)).toContain(
      `${formatDay(saturday)} is a Saturday: deliveries are not made then. Propose a working day`,
    );
    const countered = await call(operations.counterOfferOperation, second.secret, {
      params: { offerId: second.offer.id },
      body: {
        priceCents: second.offer.supplierPriceCents + 1,
        deliveryDate: second.line.deliveryDate.toISOString().slice(0, 10),
      },
    });
    expect(countered).toMatchObject({
      status: 201,
      body: { offerId: second.offer.id, jobId: second.line.id },
    });
    const stored = await db.counteroffer.findUniqueOrThrow({ where: { offerId: second.offer.id } });
    // The cents the client sent are the cents kept (through the use-case's euros).
    expect(stored.proposedPriceCents).toBe(second.offer.supplierPriceCents + 1);

    // A read-only key reads, and may not answer.
    const third = await offeredOrder(["offers:read"]);
    const shown = await call(operations.getOfferOperation, third.secret, {
      params: { offerId: third.offer.id },
    });
    expect(shown).toMatchObject({ status: 200, body: { id: third.offer.id, status: "PENDING" } });
    const refused = await call(operations.acceptOfferOperation, third.secret, {
      params: { offerId: third.offer.id },
    });
    expect(refused).toMatchObject({ status: 403, body: { code: "forbidden" } });
    // A buyer's key cannot reach partner operations, nor another partner's offer.
    const buyerKey = await createApiKey(db, {
      companyId: acme,
      userId: "seed_user_anna",
      name: "ERP",
      scopes: ["orders:read"],
    });
    const buyer = await call(operations.listOffersOperation, buyerKey.secret);
    expect(buyer).toMatchObject({ status: 403 });
    const stranger = await call(operations.getOfferOperation, first.secret, {
      params: { offerId: third.offer.id },
    });
    if (third.offer.supplierCompanyId !== first.offer.supplierCompanyId)
      expect(stranger).toMatchObject({ status: 404, body: { code: "not_found" } });
    const noKey = await call(operations.listOffersOperation, "iqk_not_a_key");
    expect(noKey).toMatchObject({ status: 401, body: { code: "unauthenticated" } });
  });
});

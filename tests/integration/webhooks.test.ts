// Issue 24 (i24-hooks, decision 0061): webhook events leave in the transaction of their change, signed,
// retried with backoff, logged per attempt and replayable; private addresses are refused.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { createWebhookEndpoint } from "../../lib/webhooks/create-webhook-endpoint";
import { deliverDueWebhooks, deliverWebhook } from "../../lib/webhooks/deliver-webhook";
import { emitWebhookEvent } from "../../lib/webhooks/emit-webhook-event";
import { replayWebhookDelivery } from "../../lib/webhooks/replay-webhook-delivery";
import { revokeWebhookEndpoint } from "../../lib/webhooks/revoke-webhook-endpoint";
import { verifyWebhookSignature } from "../../lib/webhooks/verify-webhook-signature";
import type { WebhookDeliverySettings } from "../../lib/webhooks/webhook-delivery-settings";
import { seedDatabase } from "../../prisma/seed";
import { acme, mueller, placeMillingOrder, shipThroughMueller } from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

type Received = { headers: IncomingHttpHeaders; body: string };

describe("webhooks", () => {
  let db: Database;
  let server: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  let answer: { status: number; delayMs?: number } = { status: 200 };
  const settings: WebhookDeliverySettings = {
    maxAttempts: 3,
    retryBaseSeconds: 30,
    retryMaxSeconds: 3600,
    timeoutMs: 1000,
    allowPrivateAddresses: true,
  };
  const annaManager = { userId: "seed_user_anna", companyId: acme, companyKind: "BUYER" as const };

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
        const { status, delayMs = 0 } = answer;
        setTimeout(() => {
          if (!response.destroyed)
            response.writeHead(status).end(status < 300 ? "thanks" : "receiver is down");
        }, delayMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.$disconnect();
  });
  beforeEach(() => {
    received.length = 0;
    answer = { status: 200 };
  });

  async function endpointFor(events: string[]) {
    const created = await createWebhookEndpoint(db, annaManager, { url: receiverUrl, events }, settings);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    return created;
  }

  it("delivers order.placed, written with the order, to a real receiver that verifies the signature", async () => {
    const { endpointId, secret } = await endpointFor(["order.placed"]);
    const { order } = await placeMillingOrder(db, "INVOICE");
    const event = await db.webhookEvent.findFirstOrThrow({
      where: { companyId: acme, type: "order.placed", data: { path: ["orderId"], equals: order.id } },
      include: { deliveries: true },
    });
    expect(event.deliveries.map((delivery) => delivery.endpointId)).toEqual([endpointId]);
    expect(await deliverWebhook(db, event.deliveries[0]!.id, settings)).toBe("delivered");

    expect(received).toHaveLength(1);
    const [request] = received;
    const check = verifyWebhookSignature({
      body: request!.body,
      header: request!.headers["webhook-signature"] as string,
      secret,
    });
    expect(check.ok).toBe(true);
    // The same body with another secret does not verify: the receiver can tell us from a forger.
    expect(
      verifyWebhookSignature({
        body: request!.body,
        header: request!.headers["webhook-signature"] as string,
        secret: "whsec_someone_else",
      }).ok,
    ).toBe(false);
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      id: event.id,
      type: "order.placed",
      companyId: acme,
      data: {
        orderId: order.id,
        orderNumber: order.number,
        paymentMethod: "INVOICE",
        totalCents: order.totalCents,
      },
    });
    expect(request!.headers["webhook-id"]).toBe(event.id);
    const delivery = await db.webhookDelivery.findUniqueOrThrow({
      where: { id: event.deliveries[0]!.id },
      include: { attempts: true },
    });
    expect(delivery.status).toBe("DELIVERED");
    expect(delivery.attempts).toMatchObject([
      { responseStatus: 200, responseExcerpt: "thanks", error: null },
    ]);
    await revokeWebhookEndpoint(db, annaManager, endpointId);
  });

  it("retries a failing receiver with doubling waits, logs each attempt, gives up; a replay sends the same event id", async () => {
    const { endpointId, secret } = await endpointFor(["order.placed"]);
    const { order } = await placeMillingOrder(db, "INVOICE");
    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { endpointId, event: { data: { path: ["orderId"], equals: order.id } } },
    });
    answer = { status: 500 };
    const waits: number[] = [];
    for (const expected of ["retry scheduled", "retry scheduled", "failed"] as const) {
      const before = Date.now();
      expect(await deliverWebhook(db, delivery.id, settings)).toBe(expected);
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      if (expected === "retry scheduled") {
        waits.push(Math.round((row.nextAttemptAt!.getTime() - before) / 1000));
        // Not due yet: a second worker leaves it alone.
        expect(await deliverWebhook(db, delivery.id, settings)).toBe("not due");
        // The retry's job waits in pg-boss until the attempt is due.
        const [job] = await db.$queryRaw<{ start_after: Date }[]>`
          SELECT start_after FROM pgboss.job WHERE name = 'webhooks.deliver' AND data->>'deliveryId' = ${delivery.id}
           ORDER BY created_on DESC LIMIT 1`;
        expect(Math.abs(job!.start_after.getTime() - row.nextAttemptAt!.getTime())).toBeLessThan(1000);
        // Time passes.
        await db.webhookDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: new Date() } });
      } else expect(row).toMatchObject({ status: "FAILED", nextAttemptAt: null });
    }
    expect(waits.map((wait) => Math.round(wait / 10) * 10)).toEqual([30, 60]);
    const attempts = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id } });
    expect(attempts).toHaveLength(3);
    for (const attempt of attempts)
      expect(attempt).toMatchObject({
        responseStatus: 500,
        responseExcerpt: "receiver is down",
        error: "answered HTTP 500",
        replay: false,
      });
    expect(received).toHaveLength(3);

    answer = { status: 200 };
    expect(await replayWebhookDelivery(db, annaManager, delivery.id, settings)).toBe("delivered");
    expect(received).toHaveLength(4);
    const ids = received.map((request) => JSON.parse(request.body).id);
    expect(new Set(ids).size).toBe(1);
    expect(received.map((request) => request.headers["webhook-id"])).toEqual(ids);
    expect(received.map((request) => request.body)).toEqual(Array(4).fill(received[0]!.body));
    expect(
      verifyWebhookSignature({
        body: received[3]!.body,
        header: received[3]!.headers["webhook-signature"] as string,
        secret,
      }).ok,
    ).toBe(true);
    const replayed = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id, replay: true } });
    expect(replayed).toMatchObject([{ responseStatus: 200 }]);
    // Another company cannot replay it.
    await expect(
      replayWebhookDelivery(db, { ...annaManager, companyId: mueller.companyId }, delivery.id, settings),
    ).rejects.toMatchObject({ code: "not_found" });
    await revokeWebhookEndpoint(db, annaManager, endpointId);
  });

  it("times out a slow receiver and counts it as a failed attempt", async () => {
    const { endpointId } = await endpointFor(["order.placed"]);
    answer = { status: 200, delayMs: 3000 };
    const { order } = await placeMillingOrder(db, "INVOICE");
    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { endpointId, event: { data: { path: ["orderId"], equals: order.id } } },
    });
    const started = Date.now();
    expect(await deliverWebhook(db, delivery.id, { ...settings, timeoutMs: 300 })).toBe("retry scheduled");
    expect(Date.now() - started).toBeLessThan(2500);
    const [attempt] = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id } });
    expect(attempt).toMatchObject({ responseStatus: null, error: "no answer within 300 ms" });
    await revokeWebhookEndpoint(db, annaManager, endpointId);
  });

  it("refuses private and loopback endpoint URLs outside development, with a message that says why", async () => {
    const strict = { allowPrivateAddresses: false };
    for (const [url, message] of [
      ["http://erp.example.com/hooks", /must start with https/],
      ["https://127.0.0.1/hooks", /private or loopback address 127\.0\.0\.1/],
      ["https://169.254.169.254/latest/meta-data", /private or loopback address/],
      ["https://[::1]:8443/hooks", /private or loopback address ::1/],
      ["https://10.0.0.8/hooks", /private or loopback/],
      ["https://localhost/hooks", /local name/],
      ["https://user:pw@erp.example.com/hooks", /user name and password/],
      ["ftp://erp.example.com", /https/],
      ["not a url", /full address/],
    ] as const)
      await expect(
        createWebhookEndpoint(db, annaManager, { url, events: ["order.placed"] }, strict),
        url,
      ).rejects.toMatchObject({ code: "validation_failed", message: expect.stringMatching(message) });
    // An endpoint registered while allowed (or whose name now resolves inside) is not called either.
    const { endpointId } = await createWebhookEndpoint(
      db,
      annaManager,
      { url: receiverUrl.replace("127.0.0.1", "localhost"), events: ["order.placed"] },
      settings,
    );
    const { order } = await placeMillingOrder(db, "INVOICE");
    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { endpointId, event: { data: { path: ["orderId"], equals: order.id } } },
    });
    expect(await deliverWebhook(db, delivery.id, { ...settings, allowPrivateAddresses: false })).toBe(
      "retry scheduled",
    );
    expect(received).toHaveLength(0);
    const [attempt] = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id } });
    expect(attempt!.error).toMatch(/resolves to the private address/);
    await revokeWebhookEndpoint(db, annaManager, endpointId);
  });

  it("refuses an event type a buyer cannot receive", async () => {
    await expect(
      createWebhookEndpoint(db, annaManager, { url: receiverUrl, events: ["offer.received"] }, settings),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("writes the event only when the change commits, and a delivery only for endpoints that asked for its type", async () => {
    const { endpointId } = await endpointFor(["invoice.issued"]);
    const before = await db.webhookEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await emitWebhookEvent(tx, {
          companyId: acme,
          type: "order.placed",
          data: {
            orderId: "o",
            orderNumber: "Q-1",
            status: "CONFIRMED",
            paymentMethod: "INVOICE",
            totalCents: 1,
            currency: "EUR",
            lineCount: 1,
          },
        });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    expect(await db.webhookEvent.count()).toBe(before);
    const { order } = await placeMillingOrder(db, "INVOICE");
    const events = await db.webhookEvent.findMany({
      where: { companyId: acme, data: { path: ["orderId"], equals: order.id } },
      include: { deliveries: true },
    });
    const byType = Object.fromEntries(events.map((event) => [event.type, event.deliveries.length]));
    // The invoice order is invoiced at once: both events exist; only the invoice reaches this endpoint.
    expect(byType).toMatchObject({ "order.placed": 0, "invoice.issued": 1 });
    await revokeWebhookEndpoint(db, annaManager, endpointId);
    // A deleted endpoint's pending deliveries stop.
    expect(await db.webhookDelivery.count({ where: { endpointId, status: "PENDING" } })).toBe(0);
  });

  it("reports a partner's offer, the buyer's accepted line and the parcel, each to its company", async () => {
    const { order } = await placeMillingOrder(db, "INVOICE");
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    const offer = await shipThroughMueller(db, order.id, line.id);
    const events = await db.webhookEvent.findMany({
      where: {
        OR: [
          { data: { path: ["orderId"], equals: order.id } },
          { data: { path: ["orderLineId"], equals: line.id } },
        ],
      },
    });
    const of = (companyId: string) =>
      events.filter((event) => event.companyId === companyId).map((event) => event.type);
    expect(of(mueller.companyId)).toContain("offer.received");
    expect(of(acme)).toEqual(
      expect.arrayContaining(["order.placed", "invoice.issued", "order_line.accepted", "shipment.sent"]),
    );
    const sent = events.find((event) => event.type === "shipment.sent");
    expect(sent!.data).toMatchObject({
      orderLineId: line.id,
      carrier: "DHL",
      trackingNumber: "JD0146000012345",
    });
    const received = events.find((event) => event.type === "offer.received");
    expect(received!.data).toMatchObject({ offerId: offer.id, orderLineId: line.id });
  });

  it("the sweep delivers what is due", async () => {
    const { endpointId } = await endpointFor(["order.placed"]);
    await placeMillingOrder(db, "INVOICE");
    expect(await deliverDueWebhooks(db, settings)).toBeGreaterThanOrEqual(1);
    expect(await db.webhookDelivery.count({ where: { endpointId, status: "DELIVERED" } })).toBe(1);
    await revokeWebhookEndpoint(db, annaManager, endpointId);
  });
});

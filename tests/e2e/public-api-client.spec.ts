import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { webhookSignatureHeader } from "../../lib/webhooks/sign-webhook-payload";
import { verifyWebhookSignature } from "../../lib/webhooks/verify-webhook-signature";
import { createPublicApiClient } from "../api-client/create-public-api-client";
import { createApiKeyOnTeamPage } from "./create-api-key-on-team-page";
import { supplierHoldingOfferOf } from "./e2e-database";
import { demoUsers, expect, signIn, signOut, test } from "./fixtures";

// Issue 24 (i24-partner, docs/decisions/0060): a buyer's ERP and a partner's shop system use the public
// API through the TypeScript client generated from its OpenAPI document (openapi-typescript types,
// openapi-fetch): upload the plate, quote, order by invoice, receive the signed order.placed webhook; the
// partner that got the offer (whichever the matcher chose) accepts it and ships it; the buyer sees the
// tracking link.

/** A real HTTP receiver for the buyer's webhook endpoint: keeps each request's raw body and signature. */
async function startWebhookReceiver() {
  const received: { body: string; signature: string | undefined }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const signature = request.headers[webhookSignatureHeader.toLowerCase()];
      received.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: signature as string | undefined,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/erp/hooks`, received, close: () => server.close() };
}

const address = {
  name: "Goods in",
  line: "Industriestraße 7",
  postalCode: "80331",
  city: "München",
  countryCode: "DE",
};
const idempotent = () => ({ "idempotency-key": randomUUID() });

test("a buyer's system orders the plate through the generated client and a partner's system ships it", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const receiver = await startWebhookReceiver();
  try {
    // The buyer's admin registers the ERP's endpoint on the team page; the secret is shown once.
    await signIn(page, demoUsers.buyer);
    await page.goto("/team");
    const webhooks = page.getByRole("region", { name: "Webhooks" });
    await webhooks.getByLabel("Address that receives the events (https://…)").fill(receiver.url);
    await webhooks.getByRole("button", { name: "Add endpoint" }).click();
    const added = await webhooks.getByText(/Its signing secret, shown only now: whsec_[\w-]+/).innerText();
    const signingSecret = /whsec_[\w-]+/.exec(added)![0];

    const buyerKey = await createApiKeyOnTeamPage(page, "/team", "ERP", [
      "parts:write",
      "quotes:write",
      "orders:write",
      "orders:read",
    ]);
    const buyer = createPublicApiClient(baseURL!, buyerKey);

    const uploaded = await buyer.POST("/api/v1/parts", {
      params: { header: { ...idempotent(), "x-file-name": encodeURIComponent("erp plate.step") } },
      body: new Blob([readFileSync("tests/fixtures/cad/synth_plate_4thru_1blind.step")]),
      bodySerializer: (body) => body,
    });
    expect(uploaded.response.status, JSON.stringify(uploaded.error)).toBe(201);
    const partId = uploaded.data!.part.id;
    await expect
      .poll(
        async () =>
          (await buyer.GET("/api/v1/parts/{partId}", { params: { path: { partId } } })).data?.part.status,
        { timeout: 60_000, intervals: [500, 1000] },
      )
      .toBe("ANALYZED");

    const quoted = await buyer.POST("/api/v1/quotes", {
      params: { header: idempotent() },
      body: { partId, process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 3 },
    });
    expect(quoted.response.status, JSON.stringify(quoted.error)).toBe(201);
    const ordered = await buyer.POST("/api/v1/orders", {
      params: { header: idempotent() },
      body: {
        quoteIds: [quoted.data!.quote.id],
        paymentMethod: "INVOICE",
        companyName: "Acme Robotics GmbH",
        billingAddress: address,
        shippingAddress: address,
        purchaseOrderNumber: "ERP-4711",
        acceptTerms: true,
      },
    });
    expect(ordered.response.status, JSON.stringify(ordered.error)).toBe(201);
    const order = ordered.data!.order;
    expect(order).toMatchObject({ paymentMethod: "INVOICE", purchaseOrderNumber: "ERP-4711" });

    // The order.placed event reaches the ERP, signed with the endpoint's secret.
    await expect
      .poll(() => receiver.received.some((entry) => entry.body.includes(order.number)), { timeout: 60_000 })
      .toBe(true);
    const delivery = receiver.received.find((entry) => entry.body.includes(order.number))!;
    expect(
      verifyWebhookSignature({ body: delivery.body, header: delivery.signature, secret: signingSecret }),
    ).toMatchObject({
      ok: true,
    });
    expect(JSON.parse(delivery.body)).toMatchObject({
      type: "order.placed",
      data: { orderId: order.id, orderNumber: order.number, paymentMethod: "INVOICE" },
    });
    expect(
      verifyWebhookSignature({ body: delivery.body, header: delivery.signature, secret: "whsec_wrong" }),
    ).toMatchObject({
      ok: false,
    });

    // The partner holding the offer (never assumed to be Müller) answers from its own system.
    const supplierEmail = await supplierHoldingOfferOf(order.number);
    const supplierPage = await browser.newPage();
    await signIn(supplierPage, supplierEmail);
    const supplierKey = await createApiKeyOnTeamPage(supplierPage, "/supplier/team", "Shop software", [
      "offers:read",
      "offers:write",
      "jobs:write",
    ]);
    await signOut(supplierPage);
    await supplierPage.close();
    const supplier = createPublicApiClient(baseURL!, supplierKey);
    const offers = await supplier.GET("/api/v1/offers", {
      params: { query: { status: "PENDING", limit: 100 } },
    });
    const offer = offers.data!.data.find((entry) => entry.job.orderNumber === order.number)!;
    expect(offer.job).toMatchObject({ quantity: 3, process: "CNC_MILLING", materialCode: "AL-6061-T6" });

    const accepted = await supplier.POST("/api/v1/offers/{offerId}/accept", {
      params: { path: { offerId: offer.id }, header: idempotent() },
    });
    expect(accepted.response.status, JSON.stringify(accepted.error)).toBe(200);
    const jobId = accepted.data!.jobId;
    const producing = await supplier.POST("/api/v1/jobs/{jobId}/status", {
      params: { path: { jobId }, header: idempotent() },
      body: { status: "IN_PRODUCTION" },
    });
    expect(producing.data).toMatchObject({
      status: "IN_PRODUCTION",
      nextSteps: ["QUALITY_CHECK", "SHIPPED"],
    });
    const shipped = await supplier.POST("/api/v1/jobs/{jobId}/shipments", {
      params: { path: { jobId }, header: idempotent() },
      body: { carrier: "DPD", trackingNumber: "01234567890123", quantity: 3 },
    });
    expect(shipped.response.status, JSON.stringify(shipped.error)).toBe(201);
    expect(shipped.data).toMatchObject({ complete: true, shippedQuantity: 3 });

    // A refusal is a typed problem: the job has shipped.
    const again = await supplier.POST("/api/v1/jobs/{jobId}/status", {
      params: { path: { jobId }, header: idempotent() },
      body: { status: "QUALITY_CHECK" },
    });
    expect(again.response.status).toBe(409);
    expect(again.response.headers.get("content-type")).toBe("application/problem+json");

    // The buyer's system reads the tracking link.
    const read = await buyer.GET("/api/v1/orders/{orderId}", { params: { path: { orderId: order.id } } });
    expect(read.data!.order.lines[0]).toMatchObject({
      status: "SHIPPED",
      shipments: [
        {
          carrier: "DPD",
          trackingNumber: "01234567890123",
          trackingUrl: "https://tracking.dpd.de/status/en_US/parcel/01234567890123",
          quantity: 3,
        },
      ],
    });

    // The journey leaves Acme as it found it: the endpoint goes, so later orders send it nothing.
    await page.goto("/team");
    page.once("dialog", (dialog) => void dialog.accept());
    await webhooks.getByRole("button", { name: `Delete the endpoint ${receiver.url}` }).click();
    await expect(webhooks.getByText(receiver.url)).toHaveCount(0);
  } finally {
    receiver.close();
  }
});

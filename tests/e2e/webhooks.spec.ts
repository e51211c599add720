// Issue 24 (decision 0061): a buyer's admin adds a webhook endpoint on the team page; an order placed by
// invoice reaches a real receiver signed with the secret shown once; a failed attempt is retried with the same
// event id; the page lists the attempts, and "Send again" delivers the same event once more.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature } from "../../lib/webhooks/verify-webhook-signature";
import { demoUsers, expect, signIn, test } from "./fixtures";
import { orderPlateByInvoice } from "./order-plate";

test("webhook endpoint: signed order.placed, retried after a failure, listed and sent again", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let failuresLeft = 1;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: request.headers, body });
      const orderPlaced = request.headers["webhook-event"] === "order.placed";
      if (orderPlaced && failuresLeft > 0) {
        failuresLeft--;
        response.writeHead(503).end("down for maintenance");
      } else response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/erp-hooks`;
  page.on("dialog", (dialog) => void dialog.accept());
  try {
    await signIn(page, demoUsers.buyer);
    await page.goto("/team");
    const card = page.getByRole("region", { name: "Webhooks" });
    await card.getByLabel("Address that receives the events (https://…)").fill(url);
    await card.getByLabel("Description (optional)").fill("ERP of the journey");
    await card.getByRole("button", { name: "Add endpoint" }).click();
    const shown = card.getByText(/signing secret, shown only now: whsec_/);
    await expect(shown).toBeVisible();
    const secret = /(whsec_[A-Za-z0-9_-]+)/.exec((await shown.textContent())!)![1]!;

    const buyer = await browser.newContext();
    const { number } = await orderPlateByInvoice(await buyer.newPage(), 2);
    await buyer.close();

    const orderPlaced = () =>
      received.filter(
        (request) =>
          request.headers["webhook-event"] === "order.placed" &&
          JSON.parse(request.body).data.orderNumber === number,
      );
    // The first attempt is refused (503); the retry follows after WEBHOOK_RETRY_BASE_SECONDS (2 s here).
    await expect.poll(() => orderPlaced().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    const [first, retry] = orderPlaced();
    for (const request of [first!, retry!])
      expect(
        verifyWebhookSignature({
          body: request.body,
          header: request.headers["webhook-signature"] as string,
          secret,
        }),
      ).toMatchObject({ ok: true });
    expect(JSON.parse(retry!.body).id).toBe(JSON.parse(first!.body).id);
    expect(retry!.headers["webhook-id"]).toBe(JSON.parse(first!.body).id);

    await page.reload();
    const endpoint = page.getByRole("article", { name: `Endpoint ${url}` });
    const row = endpoint
      .getByRole("row")
      .filter({ hasText: "order.placed" })
      .filter({ hasText: JSON.parse(first!.body).id });
    await expect(row).toContainText("delivered");
    await expect(row).toContainText("503");
    await expect(row).toContainText("200");
    await row.getByRole("button", { name: "Send the order.placed event again" }).click();
    await expect(row.getByRole("status")).toContainText("Sent again; your endpoint took it.");
    expect(orderPlaced()).toHaveLength(3);
    expect(JSON.parse(orderPlaced()[2]!.body).id).toBe(JSON.parse(first!.body).id);

    await endpoint.getByRole("button", { name: `Delete the endpoint ${url}` }).click();
    await expect(page.getByRole("article", { name: `Endpoint ${url}` })).toHaveCount(0);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

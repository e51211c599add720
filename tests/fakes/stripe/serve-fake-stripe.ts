// Runs the fake Stripe as its own process, for Playwright's webServer list:
//   tsx tests/fakes/stripe/serve-fake-stripe.ts
// FAKE_STRIPE_PORT (12111), FAKE_STRIPE_WEBHOOK_URL, STRIPE_WEBHOOK_SECRET, FAKE_STRIPE_CONNECT_WEBHOOK_URL,
// STRIPE_CONNECT_WEBHOOK_SECRET (events about connected accounts go there, signed with that secret),
// FAKE_STRIPE_WEBHOOK_DELIVERY (auto | manual), FAKE_STRIPE_MERCHANT_NAME, FAKE_STRIPE_REFUNDS (pending |
// succeed-at-once; tests settle pending refunds with POST /_fake/refunds/<id>/settle). Ready when GET
// /health answers 200.
import { startFakeStripe } from "./fake-stripe";

const port = Number(process.env.FAKE_STRIPE_PORT ?? 12111);
const webhookUrl = process.env.FAKE_STRIPE_WEBHOOK_URL || undefined;
const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET;
const connectWebhookUrl = process.env.FAKE_STRIPE_CONNECT_WEBHOOK_URL || undefined;
const connectWebhookSecret = process.env.STRIPE_CONNECT_WEBHOOK_SECRET || undefined;
const delivery = process.env.FAKE_STRIPE_WEBHOOK_DELIVERY ?? "auto";
const refunds = process.env.FAKE_STRIPE_REFUNDS ?? "pending";

if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`FAKE_STRIPE_PORT is not a port: ${port}`);
if (delivery !== "auto" && delivery !== "manual") fail(`FAKE_STRIPE_WEBHOOK_DELIVERY must be auto or manual`);
if (refunds !== "pending" && refunds !== "succeed-at-once")
  fail("FAKE_STRIPE_REFUNDS must be pending or succeed-at-once");
// Signing with a made-up secret would only surface later as "signature mismatch" in the product's logs.
if (webhookUrl && !webhookSecret) fail("STRIPE_WEBHOOK_SECRET is required with FAKE_STRIPE_WEBHOOK_URL");
if (connectWebhookUrl && !connectWebhookSecret)
  fail("STRIPE_CONNECT_WEBHOOK_SECRET is required with FAKE_STRIPE_CONNECT_WEBHOOK_URL");

const fake = await startFakeStripe({
  port,
  webhookUrl,
  webhookSecret: webhookSecret ?? "whsec_fake_stripe_without_endpoint",
  connectWebhookUrl,
  connectWebhookSecret,
  webhookDelivery: delivery,
  refunds,
  merchantName: process.env.FAKE_STRIPE_MERCHANT_NAME || undefined,
  log: (line) => process.stdout.write(`[fake-stripe] ${line}\n`),
});
process.stdout.write(
  `[fake-stripe] listening on ${fake.url}, webhooks ${webhookUrl ? `to ${webhookUrl} (${delivery})` : "not sent (no FAKE_STRIPE_WEBHOOK_URL)"}, Connect webhooks ${connectWebhookUrl ? `to ${connectWebhookUrl}` : "not sent (no FAKE_STRIPE_CONNECT_WEBHOOK_URL)"}\n`,
);

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    fake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("[fake-stripe] failed to close:", error);
        process.exit(1);
      },
    );
  });

function fail(message: string): never {
  console.error(`[fake-stripe] ${message}`);
  process.exit(1);
}

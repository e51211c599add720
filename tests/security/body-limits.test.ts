import { describe, expect, it, vi } from "vitest";
import { maxJsonBodyBytes, maxWebhookBodyBytes, readJsonBody } from "../../lib/api/read-limited-body";

vi.mock("server-only", () => ({}));
const handleStripeWebhook = vi.fn();
vi.mock("../../lib/payments/handle-stripe-webhook", () => ({ handleStripeWebhook }));
// The routes' other collaborators (sessions, database) are not what is tested: the body limit comes first.
vi.mock("../../lib/db/prisma", () => ({ getPrisma: () => ({}) }));
vi.mock("../../lib/parts/resolve-part-viewer", () => ({ resolvePartViewer: vi.fn(async () => ({})) }));

const chunkBytes = 64 * 1024;

/** A request whose body is produced on demand (as a socket delivers it), counting what was pulled. */
function streamingRequest(url: string, totalBytes: number, headers: Record<string, string> = {}) {
  const meter = { pulledBytes: 0 };
  const chunk = new Uint8Array(chunkBytes).fill(0x7b);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (meter.pulledBytes >= totalBytes) return controller.close();
      meter.pulledBytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const request = new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, meter };
}

const twoHundredMegabytes = 200 * 1024 * 1024;

describe("request body limits (issue 16, item 10)", () => {
  it("JSON APIs refuse a Content-Length over 64 KB before reading a byte", async () => {
    const { request, meter } = streamingRequest(
      "http://app.test/api/v1/parts/p1/quote",
      twoHundredMegabytes,
      {
        "content-length": String(twoHundredMegabytes),
      },
    );
    await expect(readJsonBody(request)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(meter.pulledBytes).toBeLessThanOrEqual(chunkBytes); // at most what the stream pre-buffers
  });

  it("JSON APIs stop reading a streamed body without Content-Length just past 64 KB", async () => {
    const { request, meter } = streamingRequest("http://app.test/api/v1/parts/p1/quote", twoHundredMegabytes);
    await expect(readJsonBody(request)).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringContaining("64 KB"),
    });
    expect(meter.pulledBytes).toBeLessThanOrEqual(maxJsonBodyBytes + 2 * chunkBytes);
  });

  it("the quote route answers 413 for a 200 MB streamed body, having read only a little of it", async () => {
    const { POST } = await import("../../app/api/v1/parts/[partId]/quote/route");
    const { request, meter } = streamingRequest("http://app.test/api/v1/parts/p1/quote", twoHundredMegabytes);
    const response = await POST(request, { params: Promise.resolve({ partId: "p1" }) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
    expect(meter.pulledBytes).toBeLessThanOrEqual(maxJsonBodyBytes + 2 * chunkBytes);
  });

  it("the Stripe webhook answers 413 beyond 1 MB, streamed or declared, without handling the event", async () => {
    const { POST } = await import("../../app/api/webhooks/stripe/route");
    const context = { params: Promise.resolve({}) };
    const streamed = streamingRequest("http://app.test/api/webhooks/stripe", twoHundredMegabytes, {
      "stripe-signature": "t=1,v1=x",
    });
    const response = await POST(streamed.request, context);
    expect(response.status).toBe(413);
    expect(streamed.meter.pulledBytes).toBeLessThanOrEqual(maxWebhookBodyBytes + 2 * chunkBytes);

    const declared = streamingRequest("http://app.test/api/webhooks/stripe", twoHundredMegabytes, {
      "content-length": String(twoHundredMegabytes),
      "stripe-signature": "t=1,v1=x",
    });
    expect((await POST(declared.request, context)).status).toBe(413);
    expect(declared.meter.pulledBytes).toBeLessThanOrEqual(chunkBytes);
    expect(handleStripeWebhook).not.toHaveBeenCalled();
  });

  it("the Stripe webhook still reads a normal event whole", async () => {
    const { POST } = await import("../../app/api/webhooks/stripe/route");
    handleStripeWebhook.mockResolvedValueOnce({
      eventId: "evt_1",
      type: "x",
      outcome: "ignored",
      followUps: [],
    });
    const event = JSON.stringify({ id: "evt_1", padding: "x".repeat(300 * 1024) });
    const response = await POST(
      new Request("http://app.test/api/webhooks/stripe", {
        method: "POST",
        body: event,
        headers: { "stripe-signature": "t=1,v1=x" },
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    expect(handleStripeWebhook).toHaveBeenCalledWith(expect.anything(), event, "t=1,v1=x");
  });
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxJsonBodyBytes, maxWebhookBodyBytes } from "../api/read-limited-body";
import { maxQualityDocumentBytes } from "../quality-documents/quality-document-kinds";
import { createApiBodyCheck } from "./refuse-oversized-api-body";

// A real HTTP server with the check in front of a handler that reads every byte it gets, as Next does.
const maxBytes = 1024 * 1024;
let server: http.Server;
let baseUrl: string;
let bytesReadByHandler = 0;

beforeAll(async () => {
  const check = createApiBodyCheck({ uploadMaxBytes: maxBytes });
  server = http.createServer((request, response) => {
    request.headers["x-request-id"] = "req-test-1";
    if (check(request, response)) return;
    request.on("data", (chunk: Buffer) => (bytesReadByHandler += chunk.length));
    request.on("end", () => response.end("handled"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Announces `announcedBytes`, sends at most 256 KB of it, and returns the answer (or the reset). */
function upload(path: string, announcedBytes: number, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
    const request = http.request(`${baseUrl}${path}`, {
      method: "POST",
      headers: { ...headers, "content-length": String(announcedBytes), "x-file-name": "part.stl" },
    });
    request.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => {
        resolve({
          status: response.statusCode!,
          contentType: String(response.headers["content-type"]),
          body,
        });
        request.destroy();
      });
    });
    request.on("error", reject);
    const sent = Math.min(announcedBytes, 256 * 1024);
    request.write(Buffer.alloc(sent, 0x20));
    if (sent === announcedBytes) request.end();
  });
}

describe("the API's length check in front of Next", () => {
  it("answers an upload announcing more than the limit with the web app's 413, reading none of it", async () => {
    bytesReadByHandler = 0;
    const answer = await upload("/api/v1/parts", 200 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.contentType).toBe("application/json");
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: "payload_too_large",
        message: expect.stringContaining("larger than the upload limit of 1 MB") as unknown,
        details: { maxBytes },
      },
    });
    expect(bytesReadByHandler).toBe(0);
  });

  it("answers the public API (a bearer key) with a problem document", async () => {
    const answer = await upload("/api/v1/parts?x=1", maxBytes + 1, { authorization: "Bearer iqk_test" });
    expect(answer.status).toBe(413);
    expect(answer.contentType).toBe("application/problem+json");
    expect(JSON.parse(answer.body)).toMatchObject({
      status: 413,
      code: "payload_too_large",
      instance: "/api/v1/parts",
      requestId: "req-test-1",
    });
  });

  it("passes uploads within the limit, and pages of any length, to the app", async () => {
    bytesReadByHandler = 0;
    expect(await upload("/api/v1/parts", 100 * 1024)).toMatchObject({ status: 200, body: "handled" });
    expect(bytesReadByHandler).toBe(100 * 1024);
    const page = await upload("/parts/abc", 200 * 1024);
    expect(page).toMatchObject({ status: 200, body: "handled" });
  });

  it("answers a JSON route announcing more than 64 KB before reading it, and passes one within", async () => {
    bytesReadByHandler = 0;
    const answer = await upload("/api/v1/parts/abc/quote", 200 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: "payload_too_large",
        message: "The request body is larger than the 64 KB this endpoint accepts. Send a smaller body.",
        details: { maxBytes: maxJsonBodyBytes },
      },
    });
    const signIn = await upload("/api/auth/callback/credentials", maxJsonBodyBytes + 1);
    expect(signIn.status).toBe(413);
    expect(bytesReadByHandler).toBe(0);
    expect(await upload("/api/v1/checkout/totals", 2 * 1024)).toMatchObject({ status: 200, body: "handled" });
  });

  it("gives webhooks 1 MB and a partner's quality document its own limit, as their handlers do", async () => {
    bytesReadByHandler = 0;
    expect((await upload("/api/webhooks/stripe", maxWebhookBodyBytes + 1)).status).toBe(413);
    expect(bytesReadByHandler).toBe(0);
    expect(await upload("/api/webhooks/stripe", 200 * 1024)).toMatchObject({ status: 200, body: "handled" });
    bytesReadByHandler = 0;
    const document = await upload("/api/v1/jobs/job_1/quality-documents", maxQualityDocumentBytes + 1, {
      authorization: "Bearer iqk_test",
    });
    expect(document.status).toBe(413);
    expect(JSON.parse(document.body)).toMatchObject({
      code: "payload_too_large",
      detail: expect.stringContaining("The file is larger than the") as unknown,
      instance: "/api/v1/jobs/job_1/quality-documents",
    });
    expect(bytesReadByHandler).toBe(0);
    const within = await upload("/api/v1/jobs/job_1/quality-documents", 200 * 1024, {
      authorization: "Bearer iqk_test",
    });
    expect(within).toMatchObject({ status: 200, body: "handled" });
  });
});

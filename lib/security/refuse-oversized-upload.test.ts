import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUploadBodyCheck } from "./refuse-oversized-upload";

// A real HTTP server with the check in front of a handler that reads every byte it gets, as Next does.
const maxBytes = 1024 * 1024;
let server: http.Server;
let baseUrl: string;
let bytesReadByHandler = 0;

beforeAll(async () => {
  const check = createUploadBodyCheck({ maxBytes });
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
        resolve({ status: response.statusCode!, contentType: String(response.headers["content-type"]), body });
        request.destroy();
      });
    });
    request.on("error", reject);
    const sent = Math.min(announcedBytes, 256 * 1024);
    request.write(Buffer.alloc(sent, 0x20));
    if (sent === announcedBytes) request.end();
  });
}

describe("the upload's length check in front of Next", () => {
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

  it("passes uploads within the limit, and other routes of any length, to the app", async () => {
    bytesReadByHandler = 0;
    expect(await upload("/api/v1/parts", 100 * 1024)).toMatchObject({ status: 200, body: "handled" });
    expect(bytesReadByHandler).toBe(100 * 1024);
    const other = await upload("/api/v1/parts/abc/quote", 200 * 1024);
    expect(other).toMatchObject({ status: 200, body: "handled" });
  });
});

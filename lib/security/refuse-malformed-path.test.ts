import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseMalformedPath } from "./refuse-malformed-path";

// A real HTTP server with the check in front of a handler that decodes the path, as Next does.
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (refuseMalformedPath(request, response)) return;
    try {
      response.end(`handled ${decodeURIComponent(request.url!.split("?")[0]!)}`);
    } catch {
      response.statusCode = 500; // what Next answered
      response.end("Internal Server Error");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, { headers });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}

describe("refuseMalformedPath", () => {
  it("answers 400 with what is wrong for a broken %-escape, as the caller reads errors", async () => {
    const api = await get("/api/v1/parts/%E0%A4%A");
    expect(api.status).toBe(400);
    expect(api.type).toBe("application/json");
    expect(JSON.parse(api.body).error).toMatchObject({ code: "bad_request" });
    const keyed = await get("/api/v1/offers/%E0%A4%A", { authorization: "Bearer iqk_test" });
    expect(keyed.status).toBe(400);
    expect(keyed.type).toBe("application/problem+json");
    expect(JSON.parse(keyed.body)).toMatchObject({ status: 400, code: "bad_request" });
    const page = await get("/orders/%zz");
    expect(page.status).toBe(400);
    expect(page.body).toMatch(/broken %-escape/);
  });

  it("lets well-formed paths through, escapes and queries included", async () => {
    for (const path of ["/orders/abc", "/parts/%E2%82%AC", "/search?q=%zz"]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.body).toMatch(/^handled /);
    }
  });
});

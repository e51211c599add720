import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { apiRoute } = await import("./api-route");

// Decision 0124: a change that another site's page sent is refused before the handler runs.
describe("apiRoute and requests from other sites' pages", () => {
  let handled = 0;
  const route = apiRoute(async () => {
    handled++;
    return Response.json({ ok: true });
  });
  const send = (method: string, site?: string) =>
    route(
      new Request("http://localhost:3000/api/v1/parts/p1/quote", {
        method,
        headers: site ? { "sec-fetch-site": site } : {},
        ...(method === "POST" ? { body: '{"process":"cnc_milling"}' } : {}),
      }),
      { params: Promise.resolve({}) },
    );

  it.each(["cross-site", "same-site"])("refuses a POST a page of %s sent, without running the handler", async (site) => {
    const before = handled;
    const response = await send("POST", site);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect(handled).toBe(before);
  });

  it.each([["same-origin"], ["none"], [undefined]])("runs a POST with Sec-Fetch-Site %s", async (site) => {
    expect((await send("POST", site)).status).toBe(200);
  });

  it("runs a GET from another site (reads change nothing; CORS keeps the answer from the page)", async () => {
    expect((await send("GET", "cross-site")).status).toBe(200);
  });
});

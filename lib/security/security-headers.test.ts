import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(";").map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values];
    }),
  );

describe("securityHeaders", () => {
  const production = { nonce: "abc123", appUrl: "https://quote.example", development: false };

  it("allows scripts only with the request's nonce, and no framing by anyone", () => {
    const csp = directives(securityHeaders(production)["Content-Security-Policy"]!);
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual([
      "'self'",
      "https://checkout.stripe.com",
      "https://connect.stripe.com",
    ]);
    expect(csp["upgrade-insecure-requests"]).toEqual([]);
  });

  it("pins https with HSTS only when the app is served over https", () => {
    expect(securityHeaders(production)["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    const local = securityHeaders({ ...production, appUrl: "http://localhost:3000" });
    expect(local["Strict-Transport-Security"]).toBeUndefined();
    expect(local["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("lets `next dev` eval and open its websocket, and never production", () => {
    expect(securityHeaders(production)["Content-Security-Policy"]).not.toContain("unsafe-eval");
    const dev = directives(securityHeaders({ ...production, development: true })["Content-Security-Policy"]!);
    expect(dev["script-src"]).toContain("'unsafe-eval'");
    expect(dev["connect-src"]).toContain("ws:");
  });

  it("lets forms continue to the Stripe the app talks to (the tests' fake)", () => {
    const csp = directives(
      securityHeaders({ ...production, stripeApiUrl: "http://localhost:12111/v1" })[
        "Content-Security-Policy"
      ]!,
    );
    expect(csp["form-action"]).toContain("http://localhost:12111");
  });

  it("sends nosniff, a referrer policy and switches off camera, microphone and geolocation", () => {
    expect(securityHeaders(production)).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": expect.stringContaining("camera=(), microphone=(), geolocation=()"),
    });
  });
});

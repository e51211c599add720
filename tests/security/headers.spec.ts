import { expect, test, type APIResponse, type Page } from "@playwright/test";

// Issue 16, item 9: every response carries the security headers, pages a Content-Security-Policy whose
// script nonce is fresh per request and on every script Next renders, and the pages that matter most
// (home with the upload, the part page with the WebGL viewer, sign-in and what follows) run without a
// single CSP violation. The app runs over http here, so no HSTS (lib/security/security-headers.test.ts
// covers https).

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'(;|$)/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=(), microphone=(), geolocation=()");
  expect(headers["strict-transport-security"]).toBeUndefined();
  return /'nonce-([^']+)'/.exec(csp)![1]!;
}

test("a page, an API route, a public file and a built script all carry the security headers", async ({
  request,
}) => {
  const page = await request.get("/");
  expect(page.status()).toBe(200);
  const nonce = expectSecurityHeaders(page);
  const html = await page.text();
  // Next put this request's nonce on its scripts, and no script goes without one.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  const again = await request.get("/");
  expect(expectSecurityHeaders(again)).not.toBe(nonce);

  expectSecurityHeaders(await request.get("/api/v1/health"));
  expectSecurityHeaders(await request.get("/favicon.svg"));
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeDefined();
  const script = await request.get(chunk!);
  expect(script.status()).toBe(200);
  expectSecurityHeaders(script);
  // An answer the app refuses carries them too.
  expectSecurityHeaders(await request.get("/api/v1/parts/no-such-part"));
  expectSecurityHeaders(await request.get("/no-such-page"));
});

/** Collects CSP violations and console errors of a page from its first script on. */
async function watchForViolations(page: Page) {
  const problems: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

test("home, upload, the part page's 3D viewer and sign-in run without CSP violations", async ({ page }) => {
  const problems = await watchForViolations(page);

  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await expect(page).toHaveURL(/\/parts\//);
  await expect(page.getByTestId("part-viewer")).toHaveAttribute("data-status", /ready|no-webgl/, {
    timeout: 30_000,
  });
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );

  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill("anna.buyer@acme.example");
  await page.getByLabel("Password").fill("quote-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/orders");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  expect(problems).toEqual([]);
});

test("no page can be framed, not even by a page of the same site", async ({ page }) => {
  // The probe framed the signed-in team page from the same site: frame-ancestors 'none' refuses
  // every ancestor, the app's own origin included.
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
  });
  // A page of the app's own origin that is not the app's (no headers of ours) frames the sign-in page.
  await page.route("**/framing-probe", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: '<iframe src="/sign-in" width="400" height="300"></iframe>',
    }),
  );
  await page.goto("/framing-probe");
  await expect.poll(() => refusals.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(page.frameLocator("iframe").getByLabel("E-mail")).toHaveCount(0);
});

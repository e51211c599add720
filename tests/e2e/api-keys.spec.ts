import { expect, test } from "./fixtures";

test.setTimeout(120_000);

// Issue 24 (decision 0059): the buyer's admin creates an API key on the team page, sees it once, uses it
// on the public API, and revokes it; the key answers 401 from then on. Leaves only a revoked key behind.
test("an admin creates a key on the team page, the API answers it, and a revoked key is refused", async ({
  signInAs,
  playwright,
  baseURL,
}) => {
  const page = await signInAs("buyer");
  await page.goto("/team");
  const card = page.getByRole("region", { name: "API keys" });
  const name = `Journey ERP ${Date.now()}`;
  // The last day can be tomorrow at the earliest and three years ahead at the latest (walk 9: the date
  // field offered today, which the server refuses).
  const berlinDay = (moment: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(moment);
  const today = berlinDay(new Date());
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const validUntil = card.getByLabel("Valid until");
  await expect(validUntil).toHaveAttribute("min", tomorrow);
  await expect(validUntil).toHaveAttribute("max", `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`);
  await card.getByLabel("Name (the system that uses it)").fill(name);
  await card.getByRole("checkbox", { name: /orders:read/ }).check();
  await card.getByRole("button", { name: "Create key" }).click();
  await expect(card.getByRole("status")).toContainText("shown only this once");
  const secret = await card.getByTestId("new-api-key").inputValue();
  expect(secret).toMatch(/^iqk_[A-Za-z0-9_-]{43}$/);
  const row = card.getByTestId("api-key").filter({ hasText: name });
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);
  await expect(row).toContainText("Never");
  // Valid for a year unless the admin chose a day (decision 0075): the same day next year, in Berlin.
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" })
    .format(new Date())
    .split("-")
    .map(Number) as [number, number, number];
  const aYearOn = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year + 1, month - 1, day)));
  await expect(row.locator('[data-label="Valid until"]')).toHaveText(aYearOn);
  // The page never shows the whole key again.
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);

  const api = await playwright.request.newContext({ baseURL });
  const orders = await api.get("/api/v1/orders?limit=2", { headers: { authorization: `Bearer ${secret}` } });
  expect(orders.status()).toBe(200);
  const page1 = (await orders.json()) as { data: { number: string }[]; next_cursor: string | null };
  expect(Array.isArray(page1.data)).toBe(true);
  // A scope the key lacks, and no key at all: problem+json.
  const quote = await api.post("/api/v1/quotes", {
    headers: { authorization: `Bearer ${secret}`, "idempotency-key": "journey-1" },
    data: {},
  });
  expect(quote.status()).toBe(403);
  expect(quote.headers()["content-type"]).toContain("application/problem+json");
  expect((await api.get("/api/v1/orders")).status()).toBe(401);
  const document = await api.get("/api/v1/openapi.json");
  expect(((await document.json()) as { openapi: string }).openapi).toBe("3.1.0");

  await page.reload();
  await expect(row).not.toContainText("Never");
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  const revoked = await api.get("/api/v1/orders", { headers: { authorization: `Bearer ${secret}` } });
  expect(revoked.status()).toBe(401);
  expect(((await revoked.json()) as { code: string }).code).toBe("unauthenticated");
  await api.dispose();
});

import { expect, signIn, test } from "./fixtures";

// A partner leaves Stripe's onboarding page unfinished: its payouts page says what Stripe still needs.
// Stripe later completes the account and says so by a Connect event, which the fake posts to the app's
// own Connect endpoint (/api/webhooks/stripe-connect), signed with the Connect secret: the page then
// shows the account ready without the partner coming back through Stripe's return link.
const fakeStripe = `http://localhost:${process.env.E2E_STRIPE_PORT ?? 12111}`;
const shots = process.env.SHOTS_DIR;

test("a partner who leaves Stripe's page sees what Stripe still needs, and the Connect event completes it", async ({
  page,
  request,
}) => {
  await signIn(page, "partner@rossi-fresatura.example");
  await page.goto("/supplier/payouts");
  await page.getByRole("button", { name: "Connect with Stripe" }).click();
  await expect(page).toHaveURL(/\/connect\/onboarding\/acct_/);
  await page.getByRole("button", { name: "Save and finish later" }).click();

  await expect(page).toHaveURL(/\/supplier\/payouts\?stripe=return/);
  const needs = page.getByRole("list", {
    name: "Stripe still needs from you before it can receive payouts:",
  });
  await expect(
    needs.getByRole("listitem").filter({ hasText: "A bank account for your payouts" }),
  ).toBeVisible();
  await expect(needs.getByRole("listitem").filter({ hasText: "Your company's tax number" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue Stripe setup" })).toBeVisible();
  if (shots) {
    await page.screenshot({ path: `${shots}/payouts-pending-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/payouts-pending-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  // Stripe verifies the account later, with nobody on its page; its event comes to the Connect endpoint.
  const state = (await (await request.get(`${fakeStripe}/_fake/state`)).json()) as {
    accounts: { id: string; metadata: Record<string, string> }[];
  };
  const account = state.accounts.find((candidate) => candidate.metadata.companyId === "seed_company_rossi");
  expect(account).toBeDefined();
  const completed = await request.post(`${fakeStripe}/_fake/complete-onboarding`, {
    data: { accountId: account!.id },
  });
  expect(completed.ok()).toBe(true);
  await expect(async () => {
    await page.goto("/supplier/payouts");
    await expect(page.getByText("Payouts go to your Stripe account")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const delivered = (await (await request.get(`${fakeStripe}/_fake/state`)).json()) as {
    connectDeliveries: { type: string; status: number; url: string }[];
  };
  expect(delivered.connectDeliveries).toContainEqual(
    expect.objectContaining({
      type: "account.updated",
      status: 200,
      url: expect.stringMatching(/stripe-connect$/),
    }),
  );
  if (shots) await page.screenshot({ path: `${shots}/payouts-ready-desktop.png`, fullPage: true });
});

import type { Page } from "@playwright/test";
import { emailedLink, expect, signIn, signOut, test } from "./fixtures";
import { offersOf } from "./e2e-database";
import { offerRowIn, orderPlateByInvoice } from "./order-plate";

// Issue 21 (partner teams, decision 0041): the admin of the partner holding a plate's offer (whichever ranks
// first after earlier journeys, offersOf) invites a production colleague by e-mail; the colleague joins
// through the link, accepts the offer and downloads its CAD file, but sees no payouts: the link is not in
// the menu and the page is forbidden. The admin removes the colleague again at the end (so the team is as
// seeded), which signs them out at once.
test.setTimeout(180_000);

const password = "a-long-enough-password";

function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

async function expectNoPayouts(page: Page) {
  await expect(mainNav(page).getByRole("link", { name: "Offers" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Payouts" })).toHaveCount(0);
  const response = await page.goto("/supplier/payouts");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
}

test("a partner's production colleague accepts an offer but cannot see payouts", async ({
  page,
  browser,
}) => {
  const order = await orderPlateByInvoice(page, 5);
  await signOut(page);
  const offers = await offersOf(order.number, (found) => found.some((offer) => offer.status === "PENDING"));
  const holder = offers.find((offer) => offer.status === "PENDING")!;
  const email = `pia.${Date.now()}@${holder.email.split("@")[1]}`;

  await signIn(page, holder.email);
  await expect(mainNav(page).getByRole("link", { name: "Payouts" })).toBeVisible();
  await mainNav(page).getByRole("link", { name: "Team" }).click();
  await expect(page).toHaveURL("/supplier/team");
  await page.getByLabel("Colleague's e-mail").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("SUPPLIER_MEMBER");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  await expect(page.getByTestId("team-invitation").filter({ hasText: email })).toContainText("Production");
  await signOut(page);

  await page.goto(await emailedLink(browser, email, /\/invitations\/[A-Za-z0-9_-]+/));
  await expect(page.getByText("You are invited as production.")).toBeVisible();
  await page.getByLabel("Your name").fill("Pia Produktion");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Join the team" }).click();
  await expect(page).toHaveURL("/supplier");
  await expect(page.getByText(`Production · ${holder.supplierName}`)).toBeVisible();
  await expectNoPayouts(page);
  await signOut(page);

  await signIn(page, email, password);
  const row = await offerRowIn(page, order.number);
  await row.getByRole("link", { name: "synth_plate_4thru_1blind.step" }).click();
  await page.getByRole("button", { name: "Accept the job" }).click();
  await expect(page.getByText("Accepted: the job is yours.")).toBeVisible();
  const cad = page.getByRole("link", { name: /Download CAD file/ });
  await expect(cad).toBeVisible();
  expect((await page.request.get((await cad.getAttribute("href"))!)).status()).toBe(200);
  await expectNoPayouts(page);

  // The admin removes the colleague: the browser still signed in as them is a visitor's at its next request.
  const adminContext = await browser.newContext();
  try {
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, holder.email);
    await adminPage.goto("/supplier/team");
    const member = adminPage.getByTestId("team-member").filter({ hasText: email });
    await expect(member).toContainText("Pia Produktion");
    adminPage.once("dialog", (dialog) => void dialog.accept());
    await member.getByRole("button", { name: "Remove Pia Produktion" }).click();
    await expect(member).toContainText("Production (removed)");
    // The answer stays in the removed member's row (it used to leave with the button).
    await expect(member.getByRole("status")).toHaveText(/^Pia Produktion is removed from the team and signed out\./);
  } finally {
    await adminContext.close();
  }
  await page.goto("/supplier");
  await expect(page).toHaveURL(/\/sign-in/);
});

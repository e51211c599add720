import { demoUsers, expect, signIn, test } from "./fixtures";
import { putPlateInCart, signUpNewCompany } from "./new-company";

// Issue 18, journey 2: a brand-new company signs up (the e-mailed link from the outbox), uploads the
// plate, applies for invoice terms at checkout, operations approve a €5,000 limit in the console, and
// the buyer orders by invoice: the order is confirmed at once.
test.setTimeout(180_000);

test("a new company applies for invoice terms at checkout, operations approve €5,000, and it orders by invoice", async ({
  page,
  browser,
}) => {
  const { company } = await signUpNewCompany(page, browser, "Terms Neu");
  await putPlateInCart(page);
  await page.goto("/checkout");

  // Every method is listed; invoice is closed with the way to it, and no setup detail reaches the buyer.
  const invoice = page.getByTestId("payment-method-INVOICE");
  await expect(page.getByTestId("payment-method-BANK_TRANSFER")).toBeVisible();
  await expect(page.getByTestId("payment-method-CARD")).toBeVisible();
  await expect(invoice.getByRole("radio")).toBeDisabled();
  await expect(invoice).toContainText("needs our approval first");
  await expect(page.getByRole("group", { name: "Payment" })).not.toContainText(
    /stripe key|STRIPE_|configured/i,
  );

  await invoice.getByRole("link", { name: "Apply for invoice terms" }).click();
  const application = page.getByRole("form", { name: "Apply for invoice terms" });
  await application.getByLabel("Handelsregister number").fill("HRB 98765 B");
  await application.getByLabel("Register court and city").fill("Amtsgericht Charlottenburg (Berlin)");
  await application.getByLabel("Expected orders per month (€, net)").fill("4000");
  await expect(application.getByLabel("Billing contact", { exact: true })).toHaveValue("Nina Neu");
  await application.getByRole("button", { name: "Apply for invoice terms" }).click();
  await expect(page.getByTestId("invoice-terms-status")).toContainText("Pending");
  await expect(invoice).toContainText("is being reviewed");

  // Operations: the count on the exceptions board, the queue, the company's record, the approval.
  const opsContext = await browser.newContext();
  try {
    const ops = await opsContext.newPage();
    await signIn(ops, demoUsers.operations);
    await ops.goto("/ops/exceptions");
    await expect(ops.getByTestId("invoice-terms-reminder")).toContainText("for invoice terms to decide");
    await ops.getByTestId("invoice-terms-reminder").getByRole("link", { name: "Open the queue" }).click();
    const row = ops.getByTestId("invoice-terms-application").filter({ hasText: company });
    await expect(row).toContainText("HRB 98765 B");
    await expect(row).toContainText("0 orders");
    await expect(row).toContainText("0 paid · 0 unpaid");
    await row.getByRole("link", { name: "Decide" }).click();
    await expect(ops.getByRole("heading", { level: 1 })).toHaveText(company);
    await expect(ops.getByTestId("pending-application")).toContainText("€4,000.00");
    const approve = ops.getByRole("form", { name: "Approve" });
    await expect(approve.getByLabel("Payment terms (days)")).toHaveValue("30");
    await approve.getByLabel("Credit limit (€)").fill("5000");
    await approve.getByRole("button", { name: "Approve invoice terms" }).click();
    await expect(ops.getByRole("status").filter({ hasText: "Approved" })).toBeVisible();
    await expect(ops.getByTestId("current-terms")).toContainText("€5,000.00 credit limit, 30 days");
  } finally {
    await opsContext.close();
  }

  // Back at checkout: invoice is open and chosen by default.
  await page.goto("/checkout");
  await expect(invoice.getByRole("radio")).toBeEnabled();
  await expect(invoice.getByRole("radio")).toBeChecked();
  await expect(invoice).toContainText("Payable within 30 days");
  await expect(page.getByTestId("invoice-terms")).toHaveCount(0);
  const billing = page.getByRole("group", { name: "Billing address" });
  await billing.getByLabel("Street and number").fill("Hafenweg 2");
  await billing.getByLabel("Postal code").fill("10115");
  await billing.getByLabel("City").fill("Berlin");
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("order-status")).toHaveText("Confirmed");
  await expect(page.getByRole("link", { name: /Invoice INV-/ })).toBeVisible();

  await page.goto("/account");
  await expect(page.getByTestId("invoice-terms-status")).toContainText(
    "Approved: a credit limit of €5,000.00",
  );
  await expect(page.getByTestId("payment-methods-summary")).toContainText("Invoice");
});

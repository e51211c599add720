import { test as base, expect, type Page } from "@playwright/test";

export const demoPassword = "quote-demo-2026";
export const demoUsers = {
  buyer: "anna.buyer@acme.example",
  supplier: "partner@mueller-cnc.example",
  operations: "olga.ops@instant-quote.example",
} as const;

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits until the header shows the signed-in user. */
export async function signInAndWait(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** A page already signed in as one of the demo users; signs out again when the test ends. */
export const test = base.extend<{ signInAs: (who: keyof typeof demoUsers) => Promise<Page> }>({
  signInAs: async ({ page }, use) => {
    let signedIn = false;
    await use(async (who) => {
      await signIn(page, demoUsers[who]);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      signedIn = true;
      return page;
    });
    if (signedIn && (await page.getByRole("button", { name: "Sign out" }).isVisible())) {
      await page.getByRole("button", { name: "Sign out" }).click();
    }
  },
});

export { expect };

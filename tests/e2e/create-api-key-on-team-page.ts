import { expect, type Page } from "@playwright/test";

/**
 * An admin signed in on `page` creates an API key with `scopes` on its team page (the buyer's /team or
 * the partner's /supplier/team, decision 0059) and copies it from the one time it is shown.
 */
export async function createApiKeyOnTeamPage(
  page: Page,
  teamPath: "/team" | "/supplier/team",
  name: string,
  scopes: string[],
): Promise<string> {
  await page.goto(teamPath);
  const card = page.getByRole("region", { name: "API keys" });
  await card.getByLabel("Name (the system that uses it)").fill(name);
  for (const scope of scopes) await card.getByRole("checkbox", { name: new RegExp(scope) }).check();
  await card.getByRole("button", { name: "Create key" }).click();
  await expect(card.getByRole("status")).toContainText("shown only this once");
  return card.getByTestId("new-api-key").inputValue();
}

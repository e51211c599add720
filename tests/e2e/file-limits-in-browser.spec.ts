import { expect, signIn, test } from "./fixtures";

// Decision 0080: file inputs are checked in the browser against their action's rule before posting; the
// server refuses a bypassed check with its own sentence, not "Something went wrong".
const megabytes = (count: number) => Buffer.alloc(count * 1024 * 1024, "date;amount;reference\n");

test("a bank statement over 10 MB is refused as it is chosen, and the server names the limit when the check is bypassed", async ({
  page,
}) => {
  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto("/ops/payments/bank-statements");
  const input = page.getByLabel("Bank statement");
  await input.setInputFiles({ name: "year.csv", mimeType: "text/csv", buffer: megabytes(12) });
  await expect(page.getByText('"year.csv" is larger than 10 MB; export a shorter period.')).toBeVisible();
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.getByRole("button", { name: "Upload and match" }).click();
  await expect(input).toBeFocused();
  expect(posts).toEqual([]);
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);

  // A client without the check (its custom validity cleared) posts; the start script's server refuses the
  // body before Next reads it, and the page says so with the limit.
  await input.evaluate((element: HTMLInputElement) => element.setCustomValidity(""));
  await page.getByRole("button", { name: "Upload and match" }).click();
  await expect(page.getByRole("heading", { name: "The form was too large" })).toBeVisible();
  await expect(
    page.getByText("The form is larger than 10 MB, the most this form takes, so nothing was saved."),
  ).toBeVisible();
});

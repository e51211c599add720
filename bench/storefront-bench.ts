// npm run bench:e2e: the buyer's wait in a real browser, from dropping a CAD file on the home page to
// the first price shown, for the plate (100 KB class; issue 22's target: median ≤ 0.5 s) and NIST FTC-06,
// 2 MB (median ≤ 1.2 s). The first price is the one the row shows first: the preliminary one from the
// measurement ("price first, features after") or the final one when it comes first; the final price's
// time is printed beside it. Every drop's bytes are made unique (bench/unique-cad-bytes.ts), so each one
// is analysed, not priced from the stored analysis of the run before; the same bytes dropped once more
// (priced from the stored analysis) are the reference: the wait without the analysis.
// Each wait is timed by the page's own clock, from the file input's change event to the frame that shows
// the price (Playwright's polling backs off to 500 ms and would time its schedule; installDropClock).
// Starts the production app on its own port and fresh embedded PostgreSQL (bench/bench-app.ts; `npm
// start` builds it first when the sources changed), or measures the app at BENCH_URL; drives Debian's
// Chromium through Playwright, and prints median and worst of the runs. Then, on the plate's page, the
// time from a quantity change to the new price (target 300 ms).
// CAD_CORPUS points at the corpus (default ../shared/cad-corpus); BENCH_RUNS sets timed runs per file.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page, type Request } from "@playwright/test";
import { benchAppAt } from "./bench-app";
import { median as medianOf } from "./median";
import { formatMs, reportTarget, runBench } from "./target-result";
import { uniqueCadBytes } from "./unique-cad-bytes";

const port = Number(process.env.BENCH_PORT ?? 3200);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const corpus = path.resolve(process.env.CAD_CORPUS ?? "../shared/cad-corpus");
const files = [
  {
    file: path.resolve("tests/fixtures/cad/synth_plate_4thru_1blind.step"),
    // The "100 KB plate": the plate this bench has always dropped (34 kB), kept for comparison.
    label: "100 KB STEP",
    medianTargetMs: 500,
  },
  {
    file: path.join(corpus, "step/nist_ftc_06_asme1_ap242-e2.stp"),
    label: "2 MB STEP",
    medianTargetMs: 1200,
  },
];
let baseUrl = "";
let drops = 0;
const pricePanel = "section[aria-labelledby='price-heading']";

const dropDirectory = mkdtempSync(path.join(tmpdir(), "storefront-bench-"));

/**
 * A file for the page's file input, with bytes no earlier upload had, written to disk first: the browser
 * reads it from there as it reads a buyer's dropped file. (Handing Playwright the bytes instead sends them
 * to the browser over its debugging protocol as base64, inside the timed drop: 2 MB cost 0.3–1.5 s that
 * no buyer waits for; docs/decisions/0085.)
 */
function uniqueUpload(file: string): string {
  const name = path.basename(file);
  const folder = path.join(dropDirectory, String(drops));
  mkdirSync(folder);
  const bytes = uniqueCadBytes(name, readFileSync(file), `storefront-${process.pid}-${Date.now()}-${drops++}`);
  writeFileSync(path.join(folder, name), bytes);
  return path.join(folder, name);
}

/**
 * Installs, in the page, a clock for one drop: the moment the file input's `change` event fires (the
 * drop as the page sees it) and the frames in which the row first shows a price (preliminary or final)
 * and the final price. Measured in the page because Playwright's own waiting polls with back-off (20,
 * 50, 100, 100, then every 500 ms, `retryWithProgressAndBackoff` in playwright-core): a price shown at
 * 600 ms was seen at about 1,040 ms, so the wait it reported was the poll's schedule, not the buyer's.
 */
async function installDropClock(page: Page): Promise<void> {
  // A string, not a function: tsx's keep-names helper (__name) does not exist in the page.
  await page.evaluate(`(() => {
    const clock = {};
    window.dropClock = clock;
    document.addEventListener("change", () => { clock.dropAt ??= performance.now(); }, true);
    // The price is painted in the frame whose animation callbacks run next.
    let firstSeen = false;
    let finalSeen = false;
    new MutationObserver(() => {
      if (!firstSeen && document.querySelector("[data-testid='preliminary-price'], [data-testid='first-price']")) {
        firstSeen = true;
        requestAnimationFrame(() => { clock.firstAt = performance.now(); });
      }
      if (!finalSeen && document.querySelector("[data-testid='first-price']")) {
        finalSeen = true;
        requestAnimationFrame(() => { clock.finalAt = performance.now(); });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

/**
 * One drop on the home page in a new browser context (a new visitor): ms from the drop until the first
 * price shows (the preliminary one from the measurement, issue 22's "price first, features after", or the
 * final one if it comes first), and ms until the final price shows, both by the page's clock
 * (installDropClock); `seenMs` is when Playwright's polling saw the first price, for comparison.
 */
async function dropToFirstPrice(
  browser: Browser,
  upload: ReturnType<typeof uniqueUpload>,
): Promise<{ firstMs: number; finalMs: number; seenMs: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(baseUrl);
  await installDropClock(page);
  const startedAt = performance.now();
  await page.getByTestId("part-file-input").setInputFiles(upload);
  await page
    .locator("[data-testid='preliminary-price'], [data-testid='first-price']")
    .first()
    .waitFor({ timeout: 60_000 });
  const seenMs = performance.now() - startedAt;
  await page.getByTestId("first-price").waitFor({ timeout: 60_000 });
  const clock = await page.waitForFunction(
    `window.dropClock.finalAt !== undefined && window.dropClock.firstAt !== undefined && window.dropClock.dropAt !== undefined
      ? { firstMs: window.dropClock.firstAt - window.dropClock.dropAt, finalMs: window.dropClock.finalAt - window.dropClock.dropAt }
      : false`,
  );
  const { firstMs, finalMs } = (await clock.jsonValue()) as { firstMs: number; finalMs: number };
  await context.close();
  return { firstMs, finalMs, seenMs };
}

/** The part page's request for the price of the chosen options at `quantity` (not the comparison's). */
function isRepriceOf(request: Request, quantity: number): boolean {
  if (request.method() !== "POST" || !/\/api\/v1\/parts\/[^/]+\/quote$/.test(new URL(request.url()).pathname))
    return false;
  const body = request.postDataJSON() as { compare?: boolean; quantity?: number } | null;
  return body?.compare !== true && body?.quantity === quantity;
}

/**
 * On the part page: the time from changing the quantity to the new price shown (target 300 ms), over
 * the price-break quantities one after the other.
 */
async function optionChangeTimes(
  browser: Browser,
  upload: ReturnType<typeof uniqueUpload>,
): Promise<boolean> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByTestId("part-file-input").setInputFiles(upload);
  await page.getByRole("link", { name: "See price and options" }).click({ timeout: 60_000 });
  // The price panel (its class is a CSS module's, so found by its heading).
  await page.locator(`${pricePanel}[aria-busy='false'] [data-testid='unit-price']`).waitFor();
  const times: number[] = [];
  for (const quantity of [5, 10, 25, 50, 100, 250, 500, 1000, 2, 1]) {
    // Waits for the re-price request for this quantity to finish and the panel to show its answer, not
    // for a changed total: under the small-order floor two quantities have the same total (1 and 2 pieces).
    const repriced = page.waitForResponse((response) => isRepriceOf(response.request(), quantity));
    const startedAt = performance.now();
    await page.getByRole("spinbutton", { name: "Quantity" }).fill(String(quantity));
    await repriced;
    // The panel's answer is for this quantity ("for 25 · delivered …"), no longer busy.
    await page
      .locator(`${pricePanel}[aria-busy='false']`)
      .filter({ hasText: `for ${quantity} ·` })
      .waitFor();
    times.push(performance.now() - startedAt);
  }
  await context.close();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const worst = times.at(-1)!;
  console.log(
    `\nQuantity changed → new price shown, ${times.length} changes: median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms (target 300 ms): ${worst <= 300 ? "yes" : "NO"}`,
  );
  return worst <= 300;
}

async function main() {
  const app = await benchAppAt(process.env.BENCH_URL, {
    name: "storefront-bench",
    port,
    postgresPort: Number(process.env.BENCH_POSTGRES_PORT ?? 54359),
  });
  baseUrl = app.baseUrl;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--enable-unsafe-swiftshader",
        "--disable-background-networking",
      ],
    });
    console.log(
      `Drop to first price, ${runs} runs per file after one warm-up (a new visitor and new bytes each run):\n`,
    );
    console.log(
      "file                                   median ms   worst ms   median target ms   within   same bytes again ms   final price median ms   Playwright saw median ms",
    );
    let allWithin = true;
    const lastUploads: ReturnType<typeof uniqueUpload>[] = [];
    for (const { file, label, medianTargetMs } of files) {
      const times: number[] = [];
      const finalTimes: number[] = [];
      const seenTimes: number[] = [];
      let upload = uniqueUpload(file);
      for (let run = 0; run <= runs; run++) {
        upload = uniqueUpload(file);
        const { firstMs, finalMs, seenMs } = await dropToFirstPrice(browser, upload);
        if (run > 0) times.push(firstMs);
        if (run > 0) finalTimes.push(finalMs);
        if (run > 0) seenTimes.push(seenMs);
      }
      // The reference: the last run's bytes again, priced from their stored analysis.
      const againMs = (await dropToFirstPrice(browser, upload)).firstMs;
      lastUploads.push(upload);
      const median = medianOf(times);
      const worst = Math.max(...times);
      const finalMedian = medianOf(finalTimes);
      const within = median <= medianTargetMs;
      allWithin &&= within;
      console.log(
        `${path.basename(file).padEnd(38)} ${median.toFixed(0).padStart(9)} ${worst.toFixed(0).padStart(10)} ${String(medianTargetMs).padStart(18)}   ${(within ? "yes" : "NO").padEnd(6)} ${againMs.toFixed(0).padStart(21)} ${finalMedian.toFixed(0).padStart(23)} ${medianOf(seenTimes).toFixed(0).padStart(26)}`,
      );
      reportTarget({
        measure: `drop → first price, ${label} (${path.basename(file)}, ${(readFileSync(file).length / 1000).toFixed(0)} kB, median of ${runs})`,
        value: `${formatMs(median)} (worst ${formatMs(worst)}; final price after features ${formatMs(finalMedian)})`,
        reference: `same bytes again, stored analysis: ${formatMs(againMs)}`,
        target: `≤ ${formatMs(medianTargetMs)} median`,
        pass: within,
      });
    }
    // On the plate already analysed (its last bytes, priced from the stored analysis): option changes only.
    // Not in issue 22's table: a failure here is printed, and does not lose the drops' rows.
    allWithin =
      (await optionChangeTimes(browser, lastUploads[0]!).catch((error: unknown) => {
        console.log(
          `\nQuantity changed → new price shown: not measured (${(error as Error).message.split("\n")[0]})`,
        );
        return false;
      })) && allWithin;
    if (!allWithin) process.exitCode = 1;
  } finally {
    // An open browser would keep this process alive after an error.
    await browser?.close();
    await app.stop();
    rmSync(dropDirectory, { recursive: true, force: true });
  }
}

runBench(main);

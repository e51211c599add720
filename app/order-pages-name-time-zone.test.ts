import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 21 weak spot (decision 0048): the order pages' own timestamps ("Placed …", the history, messages,
// complaints, documents) name their time zone, because they all go through lib/dates/format-deadline.ts
// (formatDeadline, or formatMoment in app/_components/format-dates.ts, which calls it). A moment formatted
// any other way shows Berlin time without saying so, or a UTC calendar day that is a day off at night.
const folders = ["app/orders/[orderId]", "app/ops/orders/[orderId]", "app/supplier/jobs/[orderLineId]"];
const sharedParts = [
  "app/_components/line-quality.tsx",
  "app/_components/message-thread.tsx",
  "app/_components/order-line-quality.tsx",
];
const unnamedZone: { pattern: RegExp; why: string }[] = [
  { pattern: /new Intl\.DateTimeFormat\(/, why: "a formatter of its own" },
  { pattern: /\.toLocale(?:Date|Time)?String\(/, why: "toLocale…String" },
  { pattern: /formatDay\([^)]*At\)/, why: "a moment shown as a UTC calendar day" },
  { pattern: /At\)?\??\.toISOString\(\)\.slice\(0, 10\)/, why: "a moment cut to its UTC day" },
  // Walk 10: the operations team's last sign-ins read "2026-12-07 22:24", UTC without saying so.
  { pattern: /At\)?\??\.toISOString\(\)\.slice\(0, 1[3-9]\)/, why: "a moment cut to its UTC hour or minute" },
];

const sources = [
  ...folders.flatMap((folder) =>
    fs
      .readdirSync(folder)
      .filter((name) => /\.tsx?$/.test(name) && !name.endsWith(".test.ts"))
      .map((name) => path.join(folder, name)),
  ),
  ...sharedParts,
];

describe("order pages' timestamps", () => {
  it("reads every page and part it checks", () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(sources)("%s formats moments only through format-deadline.ts", (file) => {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const found = lines.flatMap((line, index) =>
      unnamedZone
        .filter(({ pattern }) => pattern.test(line))
        .map(({ why }) => `${file}:${index + 1}: ${why}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});

// The same weak spot on every other page (the orders list, invoice terms, payments, payouts, profiles…): a
// moment (a field ending in "At") shown as a UTC calendar day is a day off at night and names no zone.
const momentAsUtcDay = unnamedZone.filter(({ why }) => why.includes("UTC"));
const everyPage = (fs.readdirSync("app", { recursive: true }) as string[])
  .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
  .map((name) => path.join("app", name));

describe("every page's moments", () => {
  it("reads the whole app folder", () => {
    expect(everyPage.length).toBeGreaterThan(200);
  });

  it("shows no moment as a bare UTC day", () => {
    const found = everyPage.flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) =>
          momentAsUtcDay
            .filter(({ pattern }) => pattern.test(line))
            .map(({ why }) => `${file}:${index + 1}: ${why}: ${line.trim()}`),
        ),
    );
    expect(found).toEqual([]);
  });
});

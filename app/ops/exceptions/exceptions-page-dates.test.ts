import fs from "node:fs";
import { describe, expect, it } from "vitest";

// Dates shown to people read "6 Dec 2026" (house rule; app/_components/format-dates.ts). The board's day
// is a "YYYY-MM-DD" string from lib/exceptions/load-exceptions-board.ts, which the page once printed as is.
describe("the exceptions board's heading", () => {
  it("shows today as a day people read, not as its ISO string", () => {
    const page = fs.readFileSync("app/ops/exceptions/page.tsx", "utf8");
    expect(page).not.toMatch(/\{board\.today\}/);
    expect(page).toMatch(/\{formatIsoDay\(board\.today\)\}/);
  });
});

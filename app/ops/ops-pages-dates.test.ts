import fs from "node:fs";
import { describe, expect, it } from "vitest";

// Dates shown to people read "6 Dec 2026" (house rule; app/_components/format-dates.ts). These pages once
// printed ISO days: the exceptions board's "today" (a "YYYY-MM-DD" string from
// lib/exceptions/load-exceptions-board.ts) and the partner list's "Audit valid until".
describe("operations pages' days", () => {
  it("shows the exceptions board's today as a day people read, not as its ISO string", () => {
    const page = fs.readFileSync("app/ops/exceptions/page.tsx", "utf8");
    expect(page).not.toMatch(/\{board\.today\}/);
    expect(page).toMatch(/\{formatIsoDay\(board\.today\)\}/);
  });

  it("shows when a partner's audit expires as a day people read (in Berlin, the platform's zone)", () => {
    // A day, not a moment to the minute: "31 Mar 2027, 00:00 CET" widened the table past its card at 1280;
    // the partner's own page gives the moment.
    const page = fs.readFileSync("app/ops/suppliers/page.tsx", "utf8");
    expect(page).not.toMatch(/expiresAt\?\.toISOString\(\)\.slice\(0, 10\)/);
    expect(page).toMatch(/formatBerlinDay\(supplier\.latestAudit\.expiresAt\)/);
  });

  it("shows when an audit approval runs out in the renewals table as a day people read, not its ISO string", () => {
    // Found on walk 7: an expired audit read "2026-12-01 (expired 6 days ago)" beside certificates' "15 Dec 2026".
    const page = fs.readFileSync("app/ops/suppliers/page.tsx", "utf8");
    expect(page).not.toMatch(/\{audit\.expiresOn\}/);
    expect(page).toMatch(/\{formatIsoDay\(audit\.expiresOn\)\}/);
  });

  it("shows when the outbox wrote an e-mail as a moment with its zone, not a UTC timestamp without one", () => {
    // Found on the buyer walk: "2026-12-07 07:31:02" read as local time; it was UTC.
    const page = fs.readFileSync("app/dev/outbox/page.tsx", "utf8");
    expect(page).not.toMatch(/toISOString\(\)/);
    expect(page).toMatch(/formatMoment\(email\.createdAt\)/);
  });
});

import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { createCalendarFeed } from "../../lib/exports/calendar/create-calendar-feed";
import { loadCalendarFeed } from "../../lib/exports/calendar/load-calendar-feed";
import { revokeCalendarFeed } from "../../lib/exports/calendar/revoke-calendar-feed";
import { berlinDate } from "../../lib/exports/dates/berlin-date";
import { loadDatevExport } from "../../lib/exports/datev/load-datev-export";
import { loadJobsCsv } from "../../lib/exports/orders/load-jobs-csv";
import { loadOrdersCsv } from "../../lib/exports/orders/load-orders-csv";
import { loadSepaPayoutsFile } from "../../lib/exports/sepa/load-sepa-payouts-file";
import { saveBankDetails } from "../../lib/payouts/save-bank-details";
import { seedDatabase } from "../../prisma/seed";
import {
  acme,
  anna,
  deliverAndCloseWindow,
  mueller,
  placeMillingOrder,
  shipThroughMueller,
} from "../fixtures/money-fixtures";
import { createTestPrisma } from "./setup/test-prisma";

const tokenOf = (url: string) => url.replace(/^.*\/calendar-feeds\//, "").replace(/\.ics$/, "");

describe("exports: DATEV, SEPA, orders CSV and calendar feeds (issue 24)", () => {
  let db: Database;
  let orderNumber: string;
  let invoiceNumbers: string[];
  const today = berlinDate(new Date());

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    await db.weeklyCapacity.updateMany({
      where: { companyId: mueller.companyId, process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 500 },
    });
    expect(
      await saveBankDetails(
        db,
        { ...mueller, role: "SUPPLIER_ADMIN" },
        { accountHolder: "Präzisionsteile Müller GmbH", iban: "DE02120300000000202051", bic: "BYLADEM1001" },
      ),
    ).toEqual([]);
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, order.id, line.id);
    await deliverAndCloseWindow(db, { userId: anna.userId, companyId: acme }, line.id);
    orderNumber = order.number;
    invoiceNumbers = (
      await db.invoice.findMany({ where: { orderId: order.id }, orderBy: { number: "asc" } })
    ).map((invoice) => invoice.number);
  }, 120_000);

  it("books the period's buyer invoice and self-billing invoice in DATEV, each company on its own personal account kept for good", async () => {
    expect(invoiceNumbers.some((number) => number.startsWith("INV-"))).toBe(true);
    expect(invoiceNumbers.some((number) => number.startsWith("SB-"))).toBe(true);
    const first = await loadDatevExport(db, { from: today, to: today });
    const text = iconv.decode(first.bytes, "win1252");
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^"EXTF";700;21;"Buchungsstapel";13;/);
    const buyer = await db.company.findUniqueOrThrow({ where: { id: acme } });
    const supplier = await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } });
    expect(buyer.datevAccountNumber).toBeGreaterThanOrEqual(10000);
    expect(buyer.datevAccountNumber).toBeLessThan(70000);
    expect(supplier.datevAccountNumber).toBeGreaterThanOrEqual(70000);
    for (const number of invoiceNumbers) {
      const line = lines.find((candidate) => candidate.includes(`"${number}"`));
      expect(line, number).toBeDefined();
      const fields = line!.split(";");
      expect(fields).toHaveLength(125);
      expect(fields[6]).toBe(
        String(number.startsWith("SB-") ? supplier.datevAccountNumber : buyer.datevAccountNumber),
      );
      expect(fields[1]).toBe(number.startsWith("INV-") ? '"S"' : '"H"');
    }
    await loadDatevExport(db, { from: today, to: today });
    expect((await db.company.findUniqueOrThrow({ where: { id: acme } })).datevAccountNumber).toBe(
      buyer.datevAccountNumber,
    );
  });

  it("refuses a DATEV period that crosses into the next fiscal year", async () => {
    await expect(loadDatevExport(db, { from: "2026-12-01", to: "2027-01-31" })).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("end the period by 31 Dec 2026"),
    });
  });

  it("puts the pending bank-transfer payout into a SEPA file that validates against pain.001.001.09", async () => {
    const payout = await db.payout.findFirstOrThrow({ where: { order: { number: orderNumber } } });
    expect(payout).toMatchObject({ status: "PENDING", method: "MANUAL_TRANSFER" });
    const file = await loadSepaPayoutsFile(db);
    expect(file.transferCount).toBeGreaterThanOrEqual(1);
    expect(file.xml).toContain("<IBAN>DE02120300000000202051</IBAN>");
    expect(file.xml).toContain(`Auftrag ${orderNumber}`);
    const { validateXML } = await import("xmllint-wasm");
    const result = await validateXML({
      xml: { fileName: "payouts.xml", contents: file.xml },
      schema: {
        fileName: "pain.001.001.09.xsd",
        contents: readFileSync("tests/fixtures/sepa/pain.001.001.09.xsd", "utf8"),
      },
    });
    expect(result.errors).toEqual([]);
    // Downloading marks nothing as paid.
    expect((await db.payout.findUniqueOrThrow({ where: { id: payout.id } })).status).toBe("PENDING");
  }, 60_000);

  it("gives the buyer their orders as CSV without the partner, and the partner its jobs with its own price", async () => {
    const { csv } = await loadOrdersCsv(db, { audience: "buyer", companyId: acme });
    expect(csv).toContain(orderNumber);
    expect(csv).not.toContain("Müller");
    const jobs = await loadJobsCsv(db, mueller.companyId);
    expect(jobs).toContain(orderNumber);
    const line = await db.orderLine.findFirstOrThrow({ where: { order: { number: orderNumber } } });
    expect(jobs).toContain(`${Math.trunc(line.supplierTotalCents / 100)}.`);
  });

  it("serves a secret calendar feed per user that a new address replaces and revoking ends", async () => {
    const first = tokenOf(await createCalendarFeed(db, { id: anna.userId, companyId: acme }));
    const ics = await loadCalendarFeed(db, first);
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain(orderNumber);
    const stored = await db.calendarFeed.findUniqueOrThrow({ where: { userId: anna.userId } });
    expect(stored.tokenHash).not.toContain(first);
    expect(stored.lastFetchedAt).not.toBeNull();

    const second = tokenOf(await createCalendarFeed(db, { id: anna.userId, companyId: acme }));
    expect(await loadCalendarFeed(db, first)).toBeNull();
    expect(await loadCalendarFeed(db, second)).toContain(orderNumber);
    await revokeCalendarFeed(db, { id: anna.userId, companyId: acme });
    expect(await loadCalendarFeed(db, second)).toBeNull();

    const supplierToken = tokenOf(
      await createCalendarFeed(db, { id: mueller.userId, companyId: mueller.companyId }),
    );
    expect(await loadCalendarFeed(db, supplierToken)).toContain(`Due: `);
    expect(
      await db.auditLogEntry.count({ where: { action: "calendar_feed.created", actorUserId: anna.userId } }),
    ).toBe(2);
  });
});

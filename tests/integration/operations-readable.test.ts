import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeAuditEntry } from "../../lib/audit-log/describe-audit-entry";
import { loadSupplierAudits } from "../../lib/audits/load-supplier-audits";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { isAppError } from "../../lib/errors/app-error";
import { loadExceptionsBoard } from "../../lib/exceptions/load-exceptions-board";
import { saveExceptionFollowUp } from "../../lib/exceptions/save-exception-follow-up";
import { describeScoreFactors } from "../../lib/matching/describe-score-factors";
import { listMatchDecisions } from "../../lib/matching/list-match-decisions";
import { loadMatchingSettings } from "../../lib/matching/matching-settings";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { rejectOffer } from "../../lib/matching/respond-to-offer";
import { blockDays } from "../../lib/suppliers/block-days";
import { setSupplierProcesses } from "../../lib/suppliers/set-supplier-processes";
import { quoteDay } from "../../lib/quotes/quote-day";
import { shift } from "../../quoting-engine/pricing/working-days";
import { seedDatabase } from "../../prisma/seed";
import { acme, mueller, placeMillingOrder } from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

const olga = { userId: "seed_user_olga" };
const muellerAdmin = { ...mueller, role: "SUPPLIER_ADMIN" as const };
const supplier = (companyId: string) => ({
  userId: companyId.replace("seed_company_", "seed_user_"),
  companyId,
});

describe("operations read match decisions, the audit log, exceptions and their e-mails in words", () => {
  let db: Database;
  const lineOf = (id: string) => db.orderLine.findUniqueOrThrow({ where: { id } });
  const unmatchedItem = async (lineId: string) =>
    (await loadExceptionsBoard(db)).unmatched.find((item) => item.key === lineId);

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
  });
  afterAll(() => db.$disconnect());
  beforeEach(async () => {
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    await db.weeklyCapacity.updateMany({
      where: { process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 120 },
    });
    await db.offer.updateMany({ where: { status: "PENDING" }, data: { status: "WITHDRAWN" } });
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
  });

  it("records each factor of every ranked partner's score with its weight, adding up to the total", async () => {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const decision = (await listMatchDecisions(db, { take: 20 })).find(
      (entry) => entry.orderLineId === line.id,
    )!;
    const { settings } = await loadMatchingSettings(db);
    expect(decision.record.weights).toEqual(settings.weights);
    // The seed's printing partners do not mill: one count, not a row each.
    expect(decision.record.notOfferingProcess).toBeGreaterThanOrEqual(2);
    expect(decision.record.ranked.length).toBeGreaterThanOrEqual(2);
    for (const candidate of decision.record.ranked) {
      const factors = describeScoreFactors(candidate, decision.record.weights);
      expect(factors.map((factor) => factor.label)).toEqual([
        "On time",
        "Rating",
        "Accepts offers",
        "Few complaints",
        "Free capacity",
        "Distance",
        "Price",
      ]);
      expect(factors.every((factor) => factor.value !== null && factor.weight !== null)).toBe(true);
      const sum = factors.reduce((total, factor) => total + factor.contribution!, 0);
      expect(sum).toBeCloseTo(candidate.unflaggedScore ?? candidate.score, 9);
      expect(factors.find((factor) => factor.name === "cost")!.measure).toMatch(
        /^€[\d,.]+ \(cost index \d\.\d\d\)$/,
      );
    }
  });

  it("says a line under every partner's minimum order value is just that, on the board and in the e-mail with links", async () => {
    const before = await db.company.findMany({
      where: { kind: "SUPPLIER" },
      select: { id: true, minOrderValueCents: true },
    });
    try {
      // The partners raised their minimums after the order was placed (at checkout the small-order rules
      // lift an order to a minimum).
      const { order, line } = await placeMillingOrder(db, "INVOICE");
      await db.company.updateMany({ where: { kind: "SUPPLIER" }, data: { minOrderValueCents: 4_000_000 } });
      await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
      expect((await lineOf(line.id)).status).toBe("UNMATCHED");
      const item = await unmatchedItem(line.id);
      expect(item?.problem).toContain("The job is under every capable partner's minimum order value");
      expect(item?.problem).toContain("minimum order value of €40,000.00");

      const email = await db.outboxEmail.findFirstOrThrow({
        where: { subject: { contains: `No partner for order ${order.number}` } },
        orderBy: { createdAt: "desc" },
      });
      expect(email.text).toContain("The job is under every capable partner's minimum order value");
      expect(email.text).toMatch(new RegExp(`https?://[^\\s]+/ops/orders/${order.id}`));
      expect(email.text).toContain("/ops/exceptions#unmatched");
      expect(email.text).toMatch(/Job outside its order value limits: \d+ partners/);
      expect(email.text).toMatch(/\d+ partners do not offer CNC milling/);
      expect(email.text).not.toMatch(/[{}]|order-value|CNC_MILLING/);
    } finally {
      for (const company of before)
        await db.company.update({
          where: { id: company.id },
          data: { minOrderValueCents: company.minOrderValueCents },
        });
    }
  });

  it("says every capable partner declined when each rejected the line", async () => {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    for (let round = 0; round < 10 && (await lineOf(line.id)).status === "OFFERED"; round++) {
      const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
      await rejectOffer(db, supplier(offer.supplierCompanyId), offer.id, { reason: "NO_CAPACITY", note: "" });
      await matchWaitingLines(db, { orderId: order.id, trigger: "offer rejected" });
    }
    expect((await lineOf(line.id)).status).toBe("UNMATCHED");
    expect((await unmatchedItem(line.id))?.problem).toContain("Every capable partner declined.");
  });

  it("lets operations take on an exception and keep a note, each change audited once", async () => {
    await db.order.updateMany({ where: { requiredCountryCode: "FR" }, data: { requiredCountryCode: null } });
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await db.order.update({ where: { id: order.id }, data: { requiredCountryCode: "FR" } });
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const item = (await unmatchedItem(line.id))!;
    expect(item.problem).toContain("No partner offering CNC milling produces in France.");
    expect(item.followUp).toBeNull();

    const key = `unmatched:${line.id}`;
    const note = "Asked Müller to quote via Rossi's TRUMPF line; call back Tuesday.";
    await saveExceptionFollowUp(db, olga, { key, ownerUserId: olga.userId, note });
    const followed = (await unmatchedItem(line.id))!;
    expect(followed.followUp).toMatchObject({
      ownerUserId: olga.userId,
      note,
      updatedByName: expect.any(String),
    });
    expect(followed.followUp?.ownerName).toMatch(/Olga/);
    // The same values again change nothing and log nothing.
    await saveExceptionFollowUp(db, olga, { key, ownerUserId: olga.userId, note: `  ${note} ` });
    const entries = await db.auditLogEntry.findMany({
      where: { entityType: "ExceptionFollowUp", entityId: key },
    });
    expect(entries.map((entry) => describeAuditEntry(entry)).sort()).toEqual([
      `Made ${followed.followUp!.ownerName} the exception's owner.`,
      `Wrote the exception's note “${note}”.`,
    ]);

    const refusal = await saveExceptionFollowUp(db, olga, { key, ownerUserId: mueller.userId, note }).catch(
      (error: unknown) => error,
    );
    expect(isAppError(refusal) && refusal.details?.field).toBe("ownerUserId");
    await expect(
      saveExceptionFollowUp(db, olga, { key: "nothing:abc", ownerUserId: "", note: "" }),
    ).rejects.toThrow(/not on the board/);
    await db.order.update({ where: { id: order.id }, data: { requiredCountryCode: null } });
  });

  it("logs a capacity change from 120 h to 100 h as that sentence, and typed text in its own case", async () => {
    const offered = await db.weeklyCapacity.findMany({ where: { companyId: mueller.companyId } });
    const hours = (milling: number) =>
      Object.fromEntries(
        offered.map((row) => [
          row.process,
          String(row.process === "CNC_MILLING" ? milling : row.machineHoursPerWeek),
        ]),
      );
    await setSupplierProcesses(db, muellerAdmin, { offeredProcesses: hours(120) });
    await setSupplierProcesses(db, muellerAdmin, { offeredProcesses: hours(100) });
    const day = shift(quoteDay(), 30);
    await blockDays(db, muellerAdmin, { from: day, to: day, reason: "Betriebsurlaub: TRUMPF-Wartung" });

    const [blocked, changed] = (await loadSupplierAudits(db, mueller.companyId)).logEntries;
    expect(describeAuditEntry(changed!)).toBe("Weekly capacity for CNC milling changed from 120 h to 100 h.");
    expect(describeAuditEntry(blocked!)).toBe(
      `Blocked ${new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}, giving the reason “Betriebsurlaub: TRUMPF-Wartung”.`,
    );
  });
});

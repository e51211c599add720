import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addWorkingDays, shift } from "../../quoting-engine/pricing/working-days";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { loadExceptionsBoard, type ExceptionListKey } from "../../lib/exceptions/load-exceptions-board";
import { checkLedger } from "../../lib/ledger/check-ledger";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { previewReoffer, reofferOrderLine } from "../../lib/matching/reoffer-order-line";
import { acceptOffer, rejectOffer } from "../../lib/matching/respond-to-offer";
import { confirmDelivery } from "../../lib/workflows/confirm-delivery";
import { fileComplaint } from "../../lib/workflows/file-complaint";
import { loadOrderHistory } from "../../lib/orders/load-order-history";
import { recordRemake } from "../../lib/workflows/record-remake";
import { quoteDay } from "../../lib/quotes/quote-day";
import { formatDay } from "../../lib/dates/format-day";
import { formatDeadline } from "../../lib/dates/format-deadline";
import type { FileStorage } from "../../lib/storage/file-storage";
import { updateJobStatus } from "../../lib/suppliers/update-job-status";
import { seedDatabase } from "../../prisma/seed";
import {
  acme,
  anna,
  ledgerSums,
  mueller,
  placeMillingOrder,
  shipThroughMueller,
  deliverAndCloseWindow,
} from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

const olga = { userId: "seed_user_olga" };
const buyer = { userId: anna.userId, companyId: acme };
const supplier = (key: string) => ({ userId: `seed_user_${key}`, companyId: `seed_company_${key}` });
// Complaints without photos never touch storage.
const noStorage = {} as FileStorage;
const listKeys: ExceptionListKey[] = [
  "unmatched",
  "expiringOffers",
  "lateLines",
  "openComplaints",
  "overdueInvoices",
  "payouts",
];

describe("the operations exceptions board, re-offers, remakes and the order history", () => {
  let db: Database;

  const pendingOffer = (orderLineId: string) =>
    db.offer.findFirstOrThrow({ where: { orderLineId, status: "PENDING" } });
  const heldHours = async (offerId: string) =>
    (
      await db.capacityReservation.aggregate({
        where: { offerId, releasedAt: null },
        _sum: { machineHours: true },
      })
    )._sum.machineHours ?? 0;
  const acceptPending = async (orderLineId: string) => {
    const offer = await pendingOffer(orderLineId);
    await acceptOffer(db, supplier(offer.supplierCompanyId.replace("seed_company_", "")), offer.id);
  };
  const lineOf = (id: string) => db.orderLine.findUniqueOrThrow({ where: { id } });

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
    await db.weeklyCapacity.updateMany({
      where: { companyId: mueller.companyId, process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 500 },
    });
    await db.offer.updateMany({ where: { status: "PENDING" }, data: { status: "WITHDRAWN" } });
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
    await db.supplierScore.deleteMany();
  });

  it("lists each exception in its own list, and nothing else", async () => {
    const today = quoteDay();
    // Shipped first, while Müller is the best supplier (a complaint lowers its score).
    // Müller has no payout details yet: its payout is held.
    const held = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, held.order.id, held.line.id);
    await deliverAndCloseWindow(db, buyer, held.line.id);
    const payout = await db.payout.findUniqueOrThrow({ where: { orderLineId: held.line.id } });
    expect(payout.status).toBe("HELD");

    const complained = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, complained.order.id, complained.line.id);
    const complaint = await fileComplaint({ db, storage: noStorage }, buyer, complained.line.id, {
      text: "Two of the ten brackets have a burr on the bore.",
      photos: [],
    });

    // Nobody produces in France: the matcher leaves the line unmatched.
    const unmatched = await placeMillingOrder(db, "INVOICE");
    await db.order.update({ where: { id: unmatched.order.id }, data: { requiredCountryCode: "FR" } });
    await matchWaitingLines(db, { orderId: unmatched.order.id, trigger: "test" });
    expect((await lineOf(unmatched.line.id)).status).toBe("UNMATCHED");

    const expiring = await placeMillingOrder(db, "INVOICE");
    await matchWaitingLines(db, { orderId: expiring.order.id, trigger: "test" });
    const expiringOffer = await pendingOffer(expiring.line.id);
    await db.offer.update({
      where: { id: expiringOffer.id },
      data: { expiresAt: new Date(Date.now() + 90 * 60_000) },
    });
    // An offer with a day left is not listed.
    const calm = await placeMillingOrder(db, "INVOICE");
    await matchWaitingLines(db, { orderId: calm.order.id, trigger: "test" });

    const late = await placeMillingOrder(db, "INVOICE");
    await matchWaitingLines(db, { orderId: late.order.id, trigger: "test" });
    await acceptPending(late.line.id);
    await db.orderLine.update({
      where: { id: late.line.id },
      data: { deliveryDate: new Date(`${shift(today, -3)}T00:00:00Z`) },
    });
    const atRisk = await placeMillingOrder(db, "INVOICE");
    await matchWaitingLines(db, { orderId: atRisk.order.id, trigger: "test" });
    await acceptPending(atRisk.line.id);
    await db.orderLine.update({
      where: { id: atRisk.line.id },
      data: { deliveryDate: new Date(`${addWorkingDays(today, 1)}T00:00:00Z`) },
    });

    const overdue = await placeMillingOrder(db, "INVOICE");
    const invoice = await db.invoice.findFirstOrThrow({
      where: { orderId: overdue.order.id, kind: "BUYER_INVOICE" },
    });
    await db.invoice.update({
      where: { id: invoice.id },
      data: { dueAt: new Date(`${shift(today, -5)}T00:00:00Z`) },
    });

    const board = await loadExceptionsBoard(db);
    const listsOf = (orderId: string) =>
      listKeys.filter((key) => board[key].some((item) => item.orderId === orderId));
    expect(listsOf(unmatched.order.id)).toEqual(["unmatched"]);
    expect(listsOf(expiring.order.id)).toEqual(["expiringOffers"]);
    expect(listsOf(calm.order.id)).toEqual([]);
    expect(listsOf(late.order.id)).toEqual(["lateLines"]);
    expect(listsOf(atRisk.order.id)).toEqual(["lateLines"]);
    expect(listsOf(complained.order.id)).toEqual(["openComplaints"]);
    expect(listsOf(overdue.order.id)).toEqual(["overdueInvoices"]);
    expect(listsOf(held.order.id)).toEqual(["payouts"]);

    expect(board.unmatched.find((item) => item.key === unmatched.line.id)).toMatchObject({
      orderNumber: unmatched.order.number,
      buyer: "Acme Robotics GmbH",
      problem: expect.stringMatching(
        // Walk 7: the material by its name, as everywhere operations read it, not "AL-6061-T6".
        /^Nobody took 10 × CNC milling in Aluminium 6061-T6, due \d{1,2} [A-Z][a-z]{2} \d{4}\. No partner offering CNC milling produces in France\.$/,
      ),
    });
    expect(board.expiringOffers.find((item) => item.key === expiringOffer.id)).toMatchObject({
      supplier: expect.any(String),
      problem: expect.stringMatching(/expires in 1 h 30 min|expires in 1 h 29 min/),
    });
    // Most urgent first: the late line before the one only at risk.
    const lateIndex = board.lateLines.findIndex((item) => item.key === late.line.id);
    const atRiskIndex = board.lateLines.findIndex((item) => item.key === atRisk.line.id);
    expect(lateIndex).toBeLessThan(atRiskIndex);
    expect(board.lateLines[lateIndex]).toMatchObject({
      severity: "late",
      problem: "3 days late and not shipped (accepted).",
    });
    expect(board.lateLines[atRiskIndex]!.severity).toBe("at-risk");
    expect(board.openComplaints.find((item) => item.key === complaint.id)?.problem).toContain("burr");
    expect(board.overdueInvoices.find((item) => item.key === invoice.id)?.problem).toContain(
      "5 days overdue",
    );
    expect(board.payouts.find((item) => item.key === payout.id)).toMatchObject({
      supplier: "Präzisionsteile Müller GmbH",
      problem: expect.stringContaining("held"),
    });
  });

  it("re-offers an offered line to a partner that rejected it before: the pending offer is withdrawn and its hours released", async () => {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const first = await pendingOffer(line.id);
    expect(first.supplierCompanyId).toBe(mueller.companyId);
    await rejectOffer(db, mueller, first.id, { reason: "NO_CAPACITY" });
    await matchWaitingLines(db, { orderId: order.id, trigger: "offer rejected" });
    const rossiOffer = await pendingOffer(line.id);
    expect(rossiOffer.supplierCompanyId).toBe("seed_company_rossi");
    expect(await heldHours(rossiOffer.id)).toBeGreaterThan(0);

    // Müller rejected the line, but may be asked again.
    expect(
      (await previewReoffer(db, line.id)).find((entry) => entry.companyId === mueller.companyId),
    ).toMatchObject({ refusal: null });
    const reoffer = await reofferOrderLine(db, olga, line.id, { supplierCompanyId: mueller.companyId });
    expect(reoffer.withdrawnOfferId).toBe(rossiOffer.id);
    expect(await db.offer.findUniqueOrThrow({ where: { id: rossiOffer.id } })).toMatchObject({
      status: "WITHDRAWN",
      withdrawReason: "Re-offered by operations to Präzisionsteile Müller GmbH",
    });
    expect(await heldHours(rossiOffer.id)).toBe(0);

    const offer = await db.offer.findUniqueOrThrow({ where: { id: reoffer.offerId } });
    expect(offer).toMatchObject({
      status: "PENDING",
      supplierCompanyId: mueller.companyId,
      offeredById: olga.userId,
      rank: 1,
      supplierPriceCents: line.supplierTotalCents,
    });
    expect(offer.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(await heldHours(offer.id)).toBeCloseTo(line.estimatedMachineHours, 6);
    expect((await lineOf(line.id)).status).toBe("OFFERED");
    const decision = await db.matchDecision.findFirstOrThrow({
      where: { orderLineId: line.id },
      orderBy: { createdAt: "desc" },
    });
    expect(decision).toMatchObject({ trigger: "operations", chosenSupplierCompanyId: mueller.companyId });
    expect(await db.auditLogEntry.count({ where: { action: "offer.reoffer", entityId: offer.id } })).toBe(1);
    const mail = await db.outboxEmail.findFirst({
      where: { toAddress: "partner@mueller-cnc.example", text: { contains: offer.id } },
    });
    // Found on walk 7: the re-offer e-mail named the material by its code and the deadline in UTC.
    expect(mail?.subject).toBe(
      `New job offer: 10 × CNC milling in Aluminium 6061-T6, due ${formatDay(line.deliveryDate)}`,
    );
    expect(mail?.text).toContain(`Please accept or reject it by ${formatDeadline(offer.expiresAt)}`);
    expect(mail?.text).not.toContain("AL-6061-T6");

    // The supplier can accept the re-offer like any offer; once production starts, the job stays with it.
    await acceptOffer(db, mueller, offer.id);
    expect((await lineOf(line.id)).status).toBe("ACCEPTED");
    await updateJobStatus(db, mueller, line.id, { to: "IN_PRODUCTION" });
    await expect(
      reofferOrderLine(db, olga, line.id, { supplierCompanyId: "seed_company_rossi" }),
    ).rejects.toThrow(/in production, can be offered by hand/);
  });

  it("offers an unmatched line to a chosen partner", async () => {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await db.order.update({ where: { id: order.id }, data: { requiredCountryCode: "FR" } });
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    expect((await lineOf(line.id)).status).toBe("UNMATCHED");
    const preview = await previewReoffer(db, line.id);
    expect(preview.find((entry) => entry.companyId === "seed_company_nowak")).toMatchObject({
      city: "Wrocław",
      refusal: "produces in Poland; the order asks for France",
    });
    expect(preview.every((entry) => entry.refusal !== null)).toBe(true);
    // Not active suppliers are not offered at all.
    expect(preview.some((entry) => entry.companyId === "seed_company_schmidt")).toBe(false);
    // The buyer agreed to production in Poland.
    await expect(
      reofferOrderLine(db, olga, line.id, { supplierCompanyId: "seed_company_nowak" }),
    ).rejects.toThrow(/Nowak.*: produces in Poland; the order asks for France\./);
    await db.order.update({ where: { id: order.id }, data: { requiredCountryCode: null } });
    // A partner that does not offer the material is refused by the material's name, not its code.
    const aluminium = await db.material.findUniqueOrThrow({ where: { code: "AL-6061-T6" } });
    const nowakAluminium = { companyId: "seed_company_nowak", materialId: aluminium.id };
    await db.supplierMaterial.delete({ where: { companyId_materialId: nowakAluminium } });
    expect((await previewReoffer(db, line.id)).find((entry) => entry.companyId === "seed_company_nowak")).toMatchObject({
      refusal: "does not offer Aluminium 6061-T6",
    });
    await db.supplierMaterial.create({ data: nowakAluminium });
    const reoffer = await reofferOrderLine(db, olga, line.id, { supplierCompanyId: "seed_company_nowak" });
    expect(reoffer.withdrawnOfferId).toBeNull();
    expect((await lineOf(line.id)).status).toBe("OFFERED");
    expect(await heldHours(reoffer.offerId)).toBeCloseTo(line.estimatedMachineHours, 6);
  });

  it("refuses a partner that fails one of the matcher's rules, and changes nothing", async () => {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const pending = await pendingOffer(line.id);
    const heldBefore = await heldHours(pending.id);
    const decisionsBefore = await db.matchDecision.count({ where: { orderLineId: line.id } });
    const offersBefore = await db.offer.count({ where: { orderLineId: line.id } });
    await db.weeklyCapacity.updateMany({
      where: { companyId: "seed_company_nowak", process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 0.05 },
    });

    await expect(
      reofferOrderLine(db, olga, line.id, { supplierCompanyId: "seed_company_nowak" }),
    ).rejects.toThrow(
      /^.*Nowak.*: has \d+\.\d of the \d+\.\d machine hours free by \d{1,2} [A-Z][a-z]{2} \d{4}\.$/,
    );
    await expect(
      reofferOrderLine(db, olga, line.id, { supplierCompanyId: "seed_company_schmidt" }),
    ).rejects.toThrow(/waits for its audit/);
    await expect(
      reofferOrderLine(db, olga, line.id, { supplierCompanyId: "seed_company_sinterwerk" }),
    ).rejects.toThrow(/does not offer CNC milling|no such partner/);
    await expect(
      reofferOrderLine(db, olga, line.id, { supplierCompanyId: pending.supplierCompanyId }),
    ).rejects.toThrow(/has this line's offer already/);

    expect(await db.offer.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: "PENDING",
      withdrawReason: null,
    });
    expect(await heldHours(pending.id)).toBeCloseTo(heldBefore, 6);
    expect((await lineOf(line.id)).status).toBe("OFFERED");
    expect(await db.matchDecision.count({ where: { orderLineId: line.id } })).toBe(decisionsBefore);
    expect(await db.offer.count({ where: { orderLineId: line.id } })).toBe(offersBefore);
  });

  it("records a remake by the same partner at its own cost, reopens the completed order and keeps the ledger balanced", async () => {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, order.id, line.id);
    await deliverAndCloseWindow(db, buyer, line.id);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("COMPLETED");
    const ledgerBefore = await ledgerSums(db, order.id);
    const payoutsBefore = await db.payout.count({ where: { orderId: order.id } });
    const deliveryDate = addWorkingDays(quoteDay(), 15);

    await expect(
      recordRemake(db, olga, line.id, { reason: "Burr on the bore", deliveryDate: quoteDay() }),
    ).rejects.toThrow(/working day after today/);
    await expect(
      recordRemake(db, olga, line.id, { reason: "Burr on the bore", deliveryDate, quantity: 11 }),
    ).rejects.toThrow(/At most the 10 parts/);

    const remake = await recordRemake(db, olga, line.id, {
      reason: "Burr on the bore, complaint upheld",
      deliveryDate,
      quantity: "4",
    });
    expect(remake.capacityReserved).toBe(true);
    // A second remake of the same parts (a double submit, another operator) is refused.
    await expect(
      recordRemake(db, olga, line.id, { reason: "Burr on the bore", deliveryDate, quantity: "7" }),
    ).rejects.toThrow("4 of the 10 parts are being made again already; at most 6 more.");
    const remakeLine = await lineOf(remake.orderLineId);
    expect(remakeLine).toMatchObject({
      orderId: order.id,
      remakeOfLineId: line.id,
      remakeReason: "Burr on the bore, complaint upheld",
      status: "ACCEPTED",
      supplierCompanyId: mueller.companyId,
      quantity: 4,
      totalPriceCents: 0,
      unitPriceCents: 0,
      supplierTotalCents: 0,
      partId: line.partId,
      quoteId: line.quoteId,
      materialCode: line.materialCode,
    });
    expect(remakeLine.deliveryDate.toISOString().slice(0, 10)).toBe(deliveryDate);
    expect(remakeLine.estimatedMachineHours).toBeCloseTo((line.estimatedMachineHours * 4) / 10, 6);
    expect(
      (
        await db.capacityReservation.aggregate({
          where: { orderLineId: remakeLine.id, releasedAt: null },
          _sum: { machineHours: true },
        })
      )._sum.machineHours,
    ).toBeCloseTo(remakeLine.estimatedMachineHours, 6);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("IN_PROGRESS");
    expect(await db.orderStatusChange.findFirst({ where: { orderLineId: remakeLine.id } })).toMatchObject({
      fromStatus: null,
      toStatus: "ACCEPTED",
      actorUserId: olga.userId,
    });
    expect(
      await db.auditLogEntry.count({ where: { action: "order-line.remake", entityId: remakeLine.id } }),
    ).toBe(1);
    expect(
      await db.outboxEmail.count({
        where: { subject: `Order ${order.number}: your parts are made again`, toAddress: anna.email },
      }),
    ).toBe(1);
    expect(
      await db.outboxEmail.count({
        where: {
          subject: { startsWith: `Remake for order ${order.number}` },
          toAddress: "partner@mueller-cnc.example",
        },
      }),
    ).toBe(1);
    // The partner reads the material's name, not the catalogue's code.
    const remakeMail = await db.outboxEmail.findFirstOrThrow({
      where: { subject: { startsWith: `Remake for order ${order.number}` }, toAddress: "partner@mueller-cnc.example" },
    });
    expect(remakeMail.subject).toMatch(/\(CNC milling, Aluminium 6061-T6\)$/);

    // The supplier makes and ships the parts again; their delivery costs nobody anything.
    await updateJobStatus(db, mueller, remakeLine.id, { to: "IN_PRODUCTION" });
    await updateJobStatus(db, mueller, remakeLine.id, {
      to: "SHIPPED",
      carrier: "DHL",
      trackingNumber: "JD0146000099999",
    });
    expect(await confirmDelivery(db, buyer, remakeLine.id)).toEqual({ payoutId: null, dueAt: null });
    expect(await db.payout.count({ where: { orderId: order.id } })).toBe(payoutsBefore);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("COMPLETED");
    const ledger = await ledgerSums(db, order.id);
    expect(ledger).toEqual(ledgerBefore);
    expect(ledger.BUYER).toBe(ledger.VAT! + ledger.SUPPLIER! + ledger.MARGIN!);
    expect(
      (await checkLedger(db)).differences.filter((difference) => difference.orderId === order.id),
    ).toEqual([]);
    await expect(
      recordRemake(db, olga, (await placeMillingOrder(db, "INVOICE")).line.id, {
        reason: "Not shipped yet",
        deliveryDate,
      }),
    ).rejects.toThrow(/shipped or been delivered/);
  });

  it("places a remake through the matcher at the platform's cost: the partner is paid and the margin carries it", async () => {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, order.id, line.id);
    await confirmDelivery(db, buyer, line.id);
    const ledgerBefore = await ledgerSums(db, order.id);
    const deliveryDate = addWorkingDays(quoteDay(), 15);

    for (const supplierPriceEuros of ["", "0", "twelve", "-5"])
      await expect(
        recordRemake(db, olga, line.id, {
          reason: "Müller is overbooked",
          deliveryDate,
          maker: "matcher",
          supplierPriceEuros,
        }),
      ).rejects.toMatchObject({ details: { field: "supplierPriceEuros" } });
    expect(await db.orderLine.count({ where: { remakeOfLineId: line.id } })).toBe(0);

    const remake = await recordRemake(db, olga, line.id, {
      reason: "Müller is overbooked; another partner remakes them",
      deliveryDate,
      maker: "matcher",
      supplierPriceEuros: "1,234.50",
    });
    expect(remake).toMatchObject({ awaitsMatch: true, capacityReserved: false });
    expect(await lineOf(remake.orderLineId)).toMatchObject({
      status: "AWAITING_MATCH",
      supplierCompanyId: null,
      totalPriceCents: 0,
      supplierTotalCents: 123_450,
      remakeOfLineId: line.id,
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("IN_PROGRESS");

    // Without a margin to keep, the matcher still offers it, at the price operations set.
    const [outcome] = await matchWaitingLines(db, { orderId: order.id, trigger: "remake" });
    expect(outcome).toMatchObject({ kind: "offered" });
    const offer = await pendingOffer(remake.orderLineId);
    expect(offer.supplierPriceCents).toBe(123_450);
    // Not the supplier whose parts are remade: the platform does not pay it to fix them.
    expect(offer.supplierCompanyId).not.toBe(mueller.companyId);
    const maker = supplier(offer.supplierCompanyId.replace("seed_company_", ""));
    await acceptOffer(db, maker, offer.id);
    await updateJobStatus(db, maker, remake.orderLineId, { to: "IN_PRODUCTION" });
    await updateJobStatus(db, maker, remake.orderLineId, {
      to: "SHIPPED",
      carrier: "DHL",
      trackingNumber: "JD01",
    });
    const payout = await deliverAndCloseWindow(db, buyer, remake.orderLineId);
    expect(payout.payoutId).not.toBeNull();
    expect(await db.payout.findUniqueOrThrow({ where: { id: payout.payoutId! } })).toMatchObject({
      supplierCompanyId: offer.supplierCompanyId,
    });

    // The buyer was charged nothing more; the platform's margin pays the supplier's net.
    const ledger = await ledgerSums(db, order.id);
    expect(ledger.BUYER).toBe(ledgerBefore.BUYER);
    expect(ledger.MARGIN).toBe(ledgerBefore.MARGIN! - 123_450);
    expect(ledger.BUYER).toBe(ledger.VAT! + ledger.SUPPLIER! + ledger.MARGIN!);
    expect(
      (await checkLedger(db)).differences.filter((difference) => difference.orderId === order.id),
    ).toEqual([]);
  });

  it("lists the order's history in time order: status changes, decisions, offers, documents and messages", async () => {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await matchWaitingLines(db, { orderId: order.id, trigger: "order confirmed" });
    const first = await pendingOffer(line.id);
    await rejectOffer(db, mueller, first.id, { reason: "PRICE_TOO_LOW" });
    await matchWaitingLines(db, { orderId: order.id, trigger: "offer rejected" });
    await reofferOrderLine(db, olga, line.id, { supplierCompanyId: mueller.companyId });

    const { events, offersByLine } = await loadOrderHistory(db, order.id);
    const times = events.map((event) => event.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const kinds = new Set(events.map((event) => event.kind));
    for (const kind of ["status", "match", "offer", "invoice", "message"] as const)
      expect(kinds).toContain(kind);

    const summaries = events.map((event) => event.summary);
    const index = (pattern: RegExp) => summaries.findIndex((summary) => pattern.test(summary));
    expect(index(/^Order .* → confirmed/)).toBeGreaterThanOrEqual(0);
    expect(index(/^Matcher \(order confirmed\): chose Präzisionsteile Müller GmbH/)).toBeLessThan(
      index(/^Matcher \(offer rejected\): chose /),
    );
    expect(index(/^Matcher \(offer rejected\)/)).toBeLessThan(
      index(/^Matcher \(operations\): chose Präzisionsteile Müller/),
    );
    const decision = events.find((event) => event.summary.startsWith("Matcher (order confirmed)"))!;
    expect(decision.candidates[0]).toMatchObject({ name: "Präzisionsteile Müller GmbH", rank: 1 });
    expect(decision.skipped.some((entry) => entry.reason === "waits for its audit")).toBe(true);
    const reofferStatus = events.find((event) =>
      event.details.includes("Offered by operations to Präzisionsteile Müller GmbH"),
    );
    expect(reofferStatus?.actor).toBe("Olga Brandt");

    const offers = offersByLine.get(line.id)!;
    expect(offers.map((offer) => [offer.status, offer.offeredBy])).toEqual([
      ["REJECTED", null],
      ["WITHDRAWN", null],
      ["PENDING", "Olga Brandt"],
    ]);
    expect(offers[0]!.why).toBe("The price does not cover our costs");
    expect(offers[1]!.why).toMatch(/^Re-offered by operations to Präzisionsteile Müller GmbH/);

    const messages = events.filter((event) => event.kind === "message");
    expect(messages.some((message) => message.summary.startsWith("New job offer"))).toBe(true);
    expect(
      messages.some((message) => message.summary.startsWith(`Offer withdrawn: order ${order.number}`)),
    ).toBe(true);
    expect(messages.every((message) => message.body !== null && message.details[0]!.startsWith("to "))).toBe(
      true,
    );
  });
});

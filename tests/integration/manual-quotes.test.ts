import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ZodError } from "zod";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addWorkingDays, shift } from "../../quoting-engine/pricing/working-days";
import type { Database } from "../../lib/db/prisma";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import { matchOrderLine } from "../../lib/matching/match-order-line";
import { placeOrder } from "../../lib/orders/place-order";
import { answerManualQuote } from "../../lib/quotes/answer-manual-quote";
import { declineManualQuote } from "../../lib/quotes/decline-manual-quote";
import { listManualQuoteRequests } from "../../lib/quotes/list-manual-quote-requests";
import { listPartManualQuotes } from "../../lib/quotes/list-part-manual-quotes";
import { loadManualQuoteRequest } from "../../lib/quotes/load-manual-quote-request";
import { quoteDay } from "../../lib/quotes/quote-day";
import { requestManualQuote } from "../../lib/quotes/request-manual-quote";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import type { FileStorage } from "../../lib/storage/file-storage";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna, goodsInAddress as address } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "./setup/test-prisma";
import { endOfDeadlineDay } from "../../lib/dates/end-of-deadline-day";

// Operations price a part the engine would not (tolerances tighter than ISO 2768-f), and the buyer orders
// the quote like any other: the order line carries the engineers' price and the supplier's cost.
const olga = { userId: "seed_user_olga" };
const checkout = {
  companyName: "Acme Robotics GmbH",
  vatNumber: "",
  billingAddress: address,
  shippingAddress: address,
  paymentMethod: "INVOICE" as const,
  acceptTerms: true,
};
const tighter = {
  process: "cnc_milling" as const,
  materialCode: "AL-6061-T6",
  finishCode: "as-machined",
  tolerance: "tighter" as const,
  quantity: 10,
};

const today = quoteDay();
// Far enough out that the quote's 30 days of validity end before the last day an order can still make it.
const deliveryDate = addWorkingDays(today, 40);
const saturday = (() => {
  let day = shift(today, 1);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 6) day = shift(day, 1);
  return day;
})();
const answer = (overrides: Record<string, unknown> = {}) => ({
  unitPriceEuros: "184.50",
  supplierUnitCostEuros: "140",
  deliveryDate,
  validityDays: "30",
  note: "Bores H7 reamed; we measure every part.",
  ...overrides,
});

describe("manual quotes answered by operations", () => {
  let db: Database;
  let storage: FileStorage;
  let partId: string;
  let requestId: string;

  async function request(
    viewer: { companyId?: string; visitorToken?: string; userId?: string },
    part: string,
  ) {
    const created = await requestManualQuote({ db, storage }, viewer, part, {
      contactEmail: viewer.userId ? anna.email : "visitor@example.com",
      notes: "Bores H7, flatness 0.02 mm; see the drawing.",
      options: tighter,
    });
    return created.id;
  }
  const counts = async () => ({
    quotes: await db.quote.count(),
    audit: await db.auditLogEntry.count({ where: { entityType: "ManualQuoteRequest" } }),
    mails: await db.outboxEmail.count(),
  });

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    storage = createLocalFileStorage(await fs.mkdtemp(path.join(os.tmpdir(), "manual-quotes-")));
  });
  beforeEach(async () => {
    await db.cartItem.deleteMany();
    await db.company.update({
      where: { id: acme },
      data: { invoicePaymentApproved: true, creditLimitCents: 5_000_000, orderApprovalLimitCents: null },
    });
    partId = await createAnalysedPart(db, { companyId: acme });
    requestId = await request({ companyId: acme, userId: anna.userId }, partId);
  });

  it("shows operations the request with the engine's reasons and a suggested price", async () => {
    const listed = await listManualQuoteRequests(db);
    expect(listed.find((row) => row.id === requestId)).toMatchObject({
      status: "OPEN",
      part: { originalFileName: "bracket.step" },
      requestedBy: { email: anna.email, company: { name: expect.any(String) } },
      options: { tolerance: "tighter", quantity: 10 },
    });
    expect(listed.findIndex((row) => row.status !== "OPEN")).not.toBe(0);
    // Operations' e-mail names the material as the buyer chose it, not by its catalogue code.
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { subject: "Manual quote request: bracket.step", text: { contains: `/ops/quotes/${requestId}` } },
    });
    expect(mail.text).toContain("10 pcs, CNC milling in Aluminium 6061-T6,");

    const detail = await loadManualQuoteRequest(db, requestId, today);
    expect(detail.engine.reasons.join(" ")).toMatch(/tighter than ISO 2768-f/);
    expect(detail.quoteCompany?.id).toBe(acme);
    expect(detail.suggestion).toMatchObject({ ok: true, assumptions: [expect.stringMatching(/ISO 2768-f/)] });
    if (!detail.suggestion.ok) throw new Error("no suggestion");
    expect(detail.suggestion.supplierUnitCostCents).toBeLessThan(detail.suggestion.unitPriceCents);
    expect(detail.suggestion.estimatedMachineHours).toBeGreaterThan(0);
  });

  it("answers with an orderable quote at the current settings version and marks the request answered", async () => {
    const quote = await answerManualQuote(db, olga, requestId, answer(), today);
    const newestSettings = await db.pricingSettings.findFirstOrThrow({ orderBy: { version: "desc" } });
    const suggestion = (await loadManualQuoteRequest(db, requestId, today)).suggestion;
    expect(quote).toMatchObject({
      status: "ACTIVE",
      companyId: acme,
      createdById: olga.userId,
      needsManualQuote: false,
      toleranceClass: "TIGHTER_ON_REQUEST",
      quantity: 10,
      unitPriceCents: 18_450,
      totalPriceCents: 184_500,
      supplierUnitCostCents: 14_000,
      supplierTotalCostCents: 140_000,
      settingsVersion: newestSettings.version,
      deliveryDate: new Date(`${deliveryDate}T00:00:00Z`),
      validUntil: endOfDeadlineDay(shift(today, 30)),
      estimatedMachineHours: suggestion.ok ? suggestion.estimatedMachineHours : -1,
    });
    expect(quote.breakdown).toEqual([
      expect.objectContaining({ label: "Priced by our engineers", note: answer().note }),
    ]);
    expect(await db.manualQuoteRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "ANSWERED",
      answeredQuoteId: quote.id,
      answeredById: olga.userId,
      answeredAt: expect.any(Date),
      answerNote: answer().note,
    });
    const audit = await db.auditLogEntry.findFirstOrThrow({
      where: { entityId: requestId, action: "manual-quote.answered" },
    });
    expect(audit.actorUserId).toBe(olga.userId);
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: anna.email, subject: "Your quote for bracket.step is ready" },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.text).toContain(`/parts/${partId}`);
    expect(mail.text).toContain("€184.50 per part");

    const onPartPage = await listPartManualQuotes(db, { companyId: acme }, partId);
    expect(onPartPage[0]).toMatchObject({
      status: "ANSWERED",
      answerNote: answer().note,
      quote: { id: quote.id, unitPriceCents: 18_450, expired: false },
    });
  });

  it("takes the machine hours typed by operations instead of the engine's estimate", async () => {
    const quote = await answerManualQuote(
      db,
      olga,
      requestId,
      answer({ estimatedMachineHours: "12.5" }),
      today,
    );
    expect(quote.estimatedMachineHours).toBe(12.5);
  });

  it("refuses to answer a request twice, or one that was declined, and writes nothing", async () => {
    await answerManualQuote(db, olga, requestId, answer(), today);
    const before = await counts();
    await expect(answerManualQuote(db, olga, requestId, answer(), today)).rejects.toMatchObject({
      code: "invalid_state_transition",
      message: expect.stringMatching(/answered already by Olga/),
    });
    await expect(declineManualQuote(db, olga, requestId, { reason: "Too late now." })).rejects.toMatchObject({
      code: "invalid_state_transition",
    });
    expect(await counts()).toEqual(before);

    const declinedId = await request({ companyId: acme, userId: anna.userId }, partId);
    await declineManualQuote(db, olga, declinedId, { reason: "No partner holds these tolerances." });
    await expect(answerManualQuote(db, olga, declinedId, answer(), today)).rejects.toThrow(
      /declined already/,
    );
  });

  it("answers two engineers pricing the same request at once with one quote", async () => {
    const results = await Promise.allSettled([
      answerManualQuote(db, olga, requestId, answer(), today),
      answerManualQuote(db, olga, requestId, answer({ unitPriceEuros: "190" }), today),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.quote.count({ where: { partId } })).toBe(1);
  });

  it.each([
    ["a price not above the partner's cost", answer({ unitPriceEuros: "140" }), "supplierUnitCostEuros"],
    ["a price that is no amount", answer({ unitPriceEuros: "cheap" }), "unitPriceEuros"],
    ["a delivery date in the past", answer({ deliveryDate: shift(today, -3) }), "deliveryDate"],
    ["a delivery date today", answer({ deliveryDate: today }), "deliveryDate"],
    ["a delivery date on a Saturday", answer({ deliveryDate: saturday }), "deliveryDate"],
    ["no validity", answer({ validityDays: "" }), "validityDays"],
  ])("refuses %s and writes nothing", async (_what, input, field) => {
    const before = await counts();
    const failure = await answerManualQuote(db, olga, requestId, input, today).catch(
      (error: unknown) => error,
    );
    const fields =
      failure instanceof ZodError
        ? failure.issues.map((issue) => issue.path.join("."))
        : [(failure as { details?: { field?: string } }).details?.field];
    expect(fields).toContain(field);
    expect(await counts()).toEqual(before);
    expect((await db.manualQuoteRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("OPEN");
  });

  // Walk 10 (decisions 0124, 0127): prices as a German engineer types them, with thousands separators.
  it("reads 1.250,50 and 1.000 as euros with thousands separators (refused before)", async () => {
    const typedId = await request({ companyId: acme, userId: anna.userId }, partId);
    await answerManualQuote(
      db,
      olga,
      typedId,
      answer({ unitPriceEuros: "1.250,50", supplierUnitCostEuros: "1.000" }),
      today,
    );
    const answered = await db.manualQuoteRequest.findUniqueOrThrow({
      where: { id: typedId },
      include: { answeredQuote: true },
    });
    expect(answered.answeredQuote).toMatchObject({ unitPriceCents: 125_050, supplierUnitCostCents: 100_000 });
  });

  it("refuses to price a visitor's request into a quote: operations e-mail the visitor or decline", async () => {
    const visitorPart = await createAnalysedPart(db, { visitorToken: "v".repeat(43) });
    const visitorRequest = await request({ visitorToken: "v".repeat(43) }, visitorPart);
    await expect(answerManualQuote(db, olga, visitorRequest, answer(), today)).rejects.toMatchObject({
      code: "invalid_state_transition",
      message: expect.stringMatching(/visitor without an account.*e-mail the price to visitor@example.com/),
    });
    expect((await loadManualQuoteRequest(db, visitorRequest, today)).quoteCompany).toBeNull();
  });

  it("declines only with a reason, tells the buyer, and shows the reason on the part's page", async () => {
    await expect(declineManualQuote(db, olga, requestId, { reason: " " })).rejects.toBeInstanceOf(ZodError);
    await expect(declineManualQuote(db, olga, requestId, {})).rejects.toBeInstanceOf(ZodError);
    expect((await db.manualQuoteRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("OPEN");

    await declineManualQuote(db, olga, requestId, { reason: "No partner of ours holds 0.005 mm." });
    expect(await db.manualQuoteRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "DECLINED",
      declineReason: "No partner of ours holds 0.005 mm.",
      answeredById: olga.userId,
    });
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: anna.email, subject: "We cannot quote bracket.step" },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.text).toContain("No partner of ours holds 0.005 mm.");
    expect((await listPartManualQuotes(db, { companyId: acme }, partId))[0]).toMatchObject({
      status: "DECLINED",
      declineReason: "No partner of ours holds 0.005 mm.",
      quote: null,
    });
  });

  it("lets the buyer order the quote: the order line carries the engineers' price and is matched", async () => {
    const quote = await answerManualQuote(db, olga, requestId, answer({ estimatedMachineHours: "6" }), today);
    await addQuoteToCart(db, anna, quote.id);
    const order = await placeOrder(db, anna, checkout);
    expect(order).toMatchObject({ status: "CONFIRMED", subtotalCents: 184_500 });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    expect(line).toMatchObject({
      quoteId: quote.id,
      unitPriceCents: 18_450,
      totalPriceCents: 184_500,
      supplierTotalCents: 140_000,
      estimatedMachineHours: 6,
      toleranceClass: "TIGHTER_ON_REQUEST",
      partSizeMm: [80, 40, 12],
      deliveryDate: new Date(`${deliveryDate}T00:00:00Z`),
    });
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe("ORDERED");
    // The supplier's cost is below the price, so the matcher's margin rule lets suppliers through.
    expect(await matchOrderLine(db, line.id, "manual quote test")).toMatchObject({ kind: "offered" });
    await expect(addQuoteToCart(db, anna, quote.id)).rejects.toThrow(/already ordered/);
  });

  it("keeps the quote from other companies: they cannot see the part's quotes or add the quote to a cart", async () => {
    const quote = await answerManualQuote(db, olga, requestId, answer(), today);
    const other = await db.company.create({
      data: { name: "Other Buyer GmbH", kind: "BUYER", countryCode: "DE", status: "ACTIVE" },
    });
    const otherUser = await db.user.create({
      data: {
        companyId: other.id,
        email: `other.${Date.now()}@example.com`,
        name: "Otto Other",
        role: "BUYER_ADMIN",
        passwordHash: "x",
      },
    });
    await expect(listPartManualQuotes(db, { companyId: other.id }, partId)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      addQuoteToCart(db, { companyId: other.id, userId: otherUser.id }, quote.id),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

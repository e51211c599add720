import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import type { Database } from "../../lib/db/prisma";
import { resetEnvCache } from "../../lib/env";
import { AppError } from "../../lib/errors/app-error";
import { applyForInvoiceTerms, type Applicant } from "../../lib/invoice-terms/apply-for-invoice-terms";
import { changeInvoiceTerms } from "../../lib/invoice-terms/change-invoice-terms";
import { decideInvoiceTermsApplication } from "../../lib/invoice-terms/decide-invoice-terms-application";
import { listInvoiceTermsQueue } from "../../lib/invoice-terms/list-invoice-terms-queue";
import { loadCompanyInvoiceTerms } from "../../lib/invoice-terms/load-company-invoice-terms";
import { withdrawInvoiceTerms } from "../../lib/invoice-terms/withdraw-invoice-terms";
import { placeOrder, type Orderer } from "../../lib/orders/place-order";
import { paymentMethodsOpen } from "../../lib/payments/payment-methods-open";
import { saveQuote } from "../../lib/quotes/save-quote";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "./setup/test-prisma";

const olga = { userId: "seed_user_olga" };
const application = {
  registerNumber: "hrb 12345b",
  registerCourt: "Amtsgericht Charlottenburg (Berlin)",
  expectedMonthlyVolumeCents: "3.000",
  billingContactName: "Accounts payable",
  billingContactEmail: "Invoices@Neu.example",
  note: "",
};
const address = {
  name: "Goods in",
  line: "Hafenweg 2",
  postalCode: "10115",
  city: "Berlin",
  countryCode: "DE",
};
const checkout = (paymentMethod: "INVOICE" | "CARD") => ({
  companyName: "Neu Fertigung GmbH",
  vatNumber: "",
  billingAddress: address,
  shippingAddress: address,
  paymentMethod,
  acceptTerms: true as const,
});

/** A coded AppError's code, or the thrown value when something else was thrown. */
async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    return error instanceof AppError ? error.code : error;
  }
}

/**
 * Runs `attempts` while the test holds a row lock, and releases it once they all started: they then
 * race for real, so a use-case that checks before it writes without locking first would let every
 * attempt through (their writes wait on the held lock, their checks do not).
 */
async function raceWhileLocked<T>(
  db: Database,
  table: "Company" | "InvoiceTermsApplication",
  id: string,
  attempts: () => Promise<T>[],
): Promise<PromiseSettledResult<T>[]> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE "id" = $1 FOR UPDATE`, id);
    locked();
    await held;
  });
  await isLocked;
  const results = Promise.allSettled(attempts());
  await new Promise((resolve) => setTimeout(resolve, 300));
  release();
  await holder;
  return results;
}

describe("invoice terms: buyers apply, operations decide", () => {
  let db: Database;
  let companyId: string;
  let admin: Applicant;
  let purchaser: Applicant;
  let engineer: Applicant;
  let n = 0;

  /** A brand-new buyer company with an admin, a purchaser and an engineer, as after sign-up. */
  async function newCompany() {
    n += 1;
    const company = await db.company.create({
      data: { kind: "BUYER", name: `Neu Fertigung ${n} GmbH`, countryCode: "DE", city: "Berlin" },
    });
    const user = async (role: Applicant["role"], name: string): Promise<Applicant> => {
      const email = `${name}.${n}@neu.example`;
      const row = await db.user.create({
        data: { companyId: company.id, email, name, passwordHash: "x", role, emailVerifiedAt: new Date() },
      });
      return { userId: row.id, companyId: company.id, role, email };
    };
    companyId = company.id;
    admin = await user("BUYER_ADMIN", "ada");
    purchaser = await user("BUYER_PURCHASER", "piet");
    engineer = await user("BUYER_ENGINEER", "erik");
  }

  const emailsTo = (to: string) =>
    db.outboxEmail.findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } });
  const audit = (action: string) => db.auditLogEntry.findMany({ where: { companyId, action } });

  async function cartWorth(orderer: Orderer) {
    const partId = await createAnalysedPart(db, { companyId: orderer.companyId });
    const quote = await saveQuote(db, orderer, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 10,
    });
    await addQuoteToCart(db, orderer, quote.id);
    return quote;
  }

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });
  beforeEach(newCompany);
  afterEach(() => {
    delete process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_WEBHOOK_SECRET;
    delete process.env.STRIPE_CONNECT_WEBHOOK_SECRET;
    resetEnvCache();
  });

  it("takes a purchaser's application, keeps it pending, tells operations and the applicant, and logs it", async () => {
    const sent = await applyForInvoiceTerms(db, purchaser, application);
    expect(sent).toMatchObject({
      status: "PENDING",
      registerNumber: "HRB 12345 B",
      expectedMonthlyVolumeCents: 300_000,
      billingContactEmail: "invoices@neu.example",
      note: null,
      appliedById: purchaser.userId,
    });
    expect((await emailsTo("operations@instant-quote.example")).at(-1)?.text).toContain(
      `/ops/invoice-terms/${companyId}`,
    );
    expect((await emailsTo(purchaser.email)).map((mail) => mail.subject)).toEqual([
      "We received your application for invoice terms",
    ]);
    expect(await audit("invoice-terms.applied")).toHaveLength(1);
    const { pending } = await listInvoiceTermsQueue(db);
    expect(pending.find((row) => row.companyId === companyId)?.record).toMatchObject({ orders: 0 });
  });

  it("refuses engineers, malformed fields (named), a second application while one waits, and a company with terms", async () => {
    expect(await codeOf(applyForInvoiceTerms(db, engineer, application))).toBe("forbidden");
    await expect(
      applyForInvoiceTerms(db, admin, { ...application, registerNumber: "12345", billingContactEmail: "x" }),
    ).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["registerNumber"] }),
        expect.objectContaining({ path: ["billingContactEmail"] }),
      ]),
    });
    await expect(
      applyForInvoiceTerms(db, admin, { ...application, expectedMonthlyVolumeCents: "30.50" }),
    ).rejects.toThrow(/whole euros/);
    await applyForInvoiceTerms(db, admin, application);
    await expect(applyForInvoiceTerms(db, purchaser, application)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/is being reviewed/),
    });
    await expect(applyForInvoiceTerms(db, admin, application)).rejects.toThrow(/by ada/);
    await expect(
      applyForInvoiceTerms(
        db,
        { ...admin, companyId: "seed_company_acme", userId: "seed_user_anna" },
        application,
      ),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/has invoice terms already/),
    });
  });

  it("keeps one application when the same form arrives twice at once", async () => {
    const results = await raceWhileLocked(db, "Company", companyId, () => [
      applyForInvoiceTerms(db, admin, application),
      applyForInvoiceTerms(db, admin, application),
      applyForInvoiceTerms(db, purchaser, application),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results)
      if (result.status === "rejected") expect((result.reason as AppError).code).toBe("conflict");
    expect(await db.invoiceTermsApplication.count({ where: { companyId } })).toBe(1);
  });

  it("approves with a credit limit and terms in one step: the company pays by invoice within them", async () => {
    const sent = await applyForInvoiceTerms(db, purchaser, application);
    expect(
      await decideInvoiceTermsApplication(db, olga, sent.id, {
        decision: "approve",
        creditLimitCents: "5,000",
        paymentTermsDays: "14",
      }),
    ).toBe("APPROVED");
    expect(await db.company.findUniqueOrThrow({ where: { id: companyId } })).toMatchObject({
      invoicePaymentApproved: true,
      creditLimitCents: 500_000,
      paymentTermsDays: 14,
    });
    expect(await db.invoiceTermsApplication.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      status: "APPROVED",
      decidedById: olga.userId,
      creditLimitCents: 500_000,
      paymentTermsDays: 14,
    });
    for (const to of [purchaser.email, admin.email])
      expect((await emailsTo(to)).at(-1)).toMatchObject({
        subject: "Invoice terms approved",
        text: expect.stringContaining("€5,000.00"),
      });
    expect(await emailsTo(engineer.email)).toHaveLength(0);
    expect((await audit("invoice-terms.approved"))[0]?.data).toEqual({
      creditLimitCents: 500_000,
      paymentTermsDays: 14,
    });

    await cartWorth(purchaser);
    const order = await placeOrder(db, purchaser, checkout("INVOICE"));
    expect(order).toMatchObject({ status: "CONFIRMED", paymentMethod: "INVOICE" });
    const invoice = await db.invoice.findFirstOrThrow({ where: { orderId: order.id } });
    expect(
      (invoice.dueAt.getTime() - new Date(invoice.issuedAt.toISOString().slice(0, 10)).getTime()) /
        86_400_000,
    ).toBe(14);
    const { record } = await loadCompanyInvoiceTerms(db, companyId);
    expect(record).toMatchObject({
      orders: 1,
      unpaidInvoices: 1,
      unpaidCents: order.totalCents,
      paidInvoices: 0,
    });
  });

  it("declines with a reason the buyer reads, and the buyer applies again", async () => {
    const first = await applyForInvoiceTerms(db, purchaser, application);
    await expect(
      decideInvoiceTermsApplication(db, olga, first.id, { decision: "decline", reason: "" }),
    ).rejects.toThrow(/reason/);
    await decideInvoiceTermsApplication(db, olga, first.id, {
      decision: "decline",
      reason: "We could not find the register entry; send the current extract.",
    });
    expect((await db.company.findUniqueOrThrow({ where: { id: companyId } })).invoicePaymentApproved).toBe(
      false,
    );
    for (const to of [purchaser.email, admin.email])
      expect((await emailsTo(to)).at(-1)?.text).toContain("send the current extract");
    const { choices, invoiceTerms } = await paymentMethodsOpen(db, companyId, null);
    expect(invoiceTerms.mayApply).toBe(true);
    expect(choices.find((choice) => choice.method === "INVOICE")?.reason).toMatch(
      /declined: We could not find the register entry.*You can apply again/,
    );

    const second = await applyForInvoiceTerms(db, admin, {
      ...application,
      note: "Extract attached by e-mail.",
    });
    expect(second.status).toBe("PENDING");
    expect(await audit("invoice-terms.declined")).toHaveLength(1);
    expect(await audit("invoice-terms.applied")).toHaveLength(2);
  });

  it("makes one decision when two operators decide at once; the other gets a coded refusal", async () => {
    const sent = await applyForInvoiceTerms(db, purchaser, application);
    const results = await raceWhileLocked(db, "InvoiceTermsApplication", sent.id, () => [
      decideInvoiceTermsApplication(db, olga, sent.id, {
        decision: "approve",
        creditLimitCents: "5000",
        paymentTermsDays: "30",
      }),
      decideInvoiceTermsApplication(db, olga, sent.id, {
        decision: "decline",
        reason: "Too little history.",
      }),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    expect(won).toHaveLength(1);
    const lost = results.find((result) => result.status === "rejected")!;
    expect((lost as PromiseRejectedResult).reason).toMatchObject({
      code: "invalid_state_transition",
      message: expect.stringMatching(/already by Olga/),
    });
    const outcome = (won[0] as PromiseFulfilledResult<string>).value;
    expect((await db.invoiceTermsApplication.findUniqueOrThrow({ where: { id: sent.id } })).status).toBe(
      outcome,
    );
    expect((await db.company.findUniqueOrThrow({ where: { id: companyId } })).invoicePaymentApproved).toBe(
      outcome === "APPROVED",
    );
    expect(
      (await audit("invoice-terms.approved")).length + (await audit("invoice-terms.declined")).length,
    ).toBe(1);
  });

  it("lets operations change and withdraw a company's terms; the buyer then sees why and applies again", async () => {
    const sent = await applyForInvoiceTerms(db, purchaser, application);
    await decideInvoiceTermsApplication(db, olga, sent.id, {
      decision: "approve",
      creditLimitCents: "5000",
      paymentTermsDays: "30",
    });
    await changeInvoiceTerms(db, olga, companyId, {
      creditLimitCents: "8000",
      paymentTermsDays: "45",
      reason: "Paid on time for a quarter",
    });
    expect(await db.company.findUniqueOrThrow({ where: { id: companyId } })).toMatchObject({
      creditLimitCents: 800_000,
      paymentTermsDays: 45,
    });
    expect((await audit("invoice-terms.changed"))[0]?.data).toMatchObject({
      from: { creditLimitCents: 500_000, paymentTermsDays: 30 },
      to: { creditLimitCents: 800_000, paymentTermsDays: 45 },
    });
    await withdrawInvoiceTerms(db, olga, companyId, { reason: "Three invoices unpaid for 60 days." });
    expect(await codeOf(withdrawInvoiceTerms(db, olga, companyId, { reason: "again, twice" }))).toBe(
      "invalid_state_transition",
    );
    expect((await db.invoiceTermsApplication.findUniqueOrThrow({ where: { id: sent.id } })).status).toBe(
      "WITHDRAWN",
    );
    expect((await emailsTo(admin.email)).map((mail) => mail.subject)).toEqual([
      "Invoice terms approved",
      "Your invoice terms changed",
      "Invoice terms withdrawn",
    ]);
    await cartWorth(purchaser);
    await expect(placeOrder(db, purchaser, checkout("INVOICE"))).rejects.toThrow(
      /withdrawn: Three invoices unpaid/,
    );
    expect((await applyForInvoiceTerms(db, purchaser, application)).status).toBe("PENDING");
  });
});

describe("which payment methods are open to a company", () => {
  let db: Database;
  const acme = "seed_company_acme";
  const anna: Orderer = {
    userId: "seed_user_anna",
    companyId: acme,
    role: "BUYER_ADMIN",
    email: "anna.buyer@acme.example",
  };
  const method = (open: Awaited<ReturnType<typeof paymentMethodsOpen>>, name: string) =>
    open.choices.find((choice) => choice.method === name)!;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });
  afterEach(() => {
    delete process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_WEBHOOK_SECRET;
    delete process.env.STRIPE_CONNECT_WEBHOOK_SECRET;
    resetEnvCache();
  });

  it("lists all three methods in order; a new company gets the way to invoice terms and a buyer's sentence for card", async () => {
    const company = await db.company.create({
      data: { kind: "BUYER", name: "Fresh GmbH", countryCode: "DE" },
    });
    const open = await paymentMethodsOpen(db, company.id, 10_000);
    expect(open.choices.map((choice) => choice.method)).toEqual(["BANK_TRANSFER", "INVOICE", "CARD"]);
    expect(method(open, "INVOICE")).toMatchObject({
      open: false,
      reason: expect.stringMatching(/apply for invoice terms/),
    });
    expect(method(open, "CARD")).toEqual({
      method: "CARD",
      open: false,
      reason: "Card payment is not offered at the moment; pay by bank transfer or apply for invoice terms.",
    });
    // Buyers never read the installation's setup.
    for (const choice of open.choices) expect(choice.reason ?? "").not.toMatch(/stripe|key|configur/i);
    expect(open.best).toBe(method(open, "BANK_TRANSFER").open ? "BANK_TRANSFER" : null);
  });

  it("opens card with Stripe keys, prefers invoice when approved and the order fits, and says why it does not", async () => {
    process.env.STRIPE_SECRET_KEY = "sk_test_open_methods";
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_open_methods";
    process.env.STRIPE_CONNECT_WEBHOOK_SECRET = "whsec_open_methods_connect";
    resetEnvCache();
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000 } });
    const fits = await paymentMethodsOpen(db, acme, 100_000);
    expect(method(fits, "CARD").open).toBe(true);
    expect(method(fits, "INVOICE")).toMatchObject({ open: true, reason: null });
    expect(fits.best).toBe("INVOICE");
    const tooBig = await paymentMethodsOpen(db, acme, 100_001);
    expect(method(tooBig, "INVOICE").reason).toMatch(/exceed your credit limit of €1,000.00/);
    expect(tooBig.best).toBe(method(tooBig, "BANK_TRANSFER").open ? "BANK_TRANSFER" : "CARD");
  });

  it("refuses in placeOrder exactly what the checkout shows as closed", async () => {
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 1_000 } });
    const partId = await createAnalysedPart(db, { companyId: acme });
    const quote = await saveQuote(db, anna, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 10,
    });
    await addQuoteToCart(db, anna, quote.id);
    const shown = await paymentMethodsOpen(db, acme, Math.round(quote.totalPriceCents * 1.19));
    const invoice = method(shown, "INVOICE");
    expect(invoice.open).toBe(false);
    await expect(
      placeOrder(db, anna, { ...checkout("INVOICE"), companyName: "Acme Robotics GmbH" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      message: invoice.reason,
      details: { field: "paymentMethod" },
    });
    await expect(
      placeOrder(db, anna, { ...checkout("CARD"), companyName: "Acme Robotics GmbH" }),
    ).rejects.toThrow(method(shown, "CARD").reason!);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 2_000_000 } });
  });
});

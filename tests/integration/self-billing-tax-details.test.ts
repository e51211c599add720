import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../lib/env";
import type { Database } from "../../lib/db/prisma";
import { formStateFromError } from "../../lib/errors/form-state-from-error";
import { checkLedger } from "../../lib/ledger/check-ledger";
import { loadSelfBillingInvoice } from "../../lib/payouts/load-self-billing-invoice";
import { payoutHeldReasons } from "../../lib/payouts/payout-method-for";
import { renderSelfBillingPdf } from "../../lib/payouts/render-self-billing-pdf";
import { recheckSupplierVatIds } from "../../lib/supplier-tax/recheck-supplier-vat-ids";
import { saveSupplierTaxDetails } from "../../lib/supplier-tax/save-supplier-tax-details";
import type { SupplierEditor } from "../../lib/suppliers/assert-supplier-admin";
import type { FileStorage } from "../../lib/storage/file-storage";
import { decideComplaint } from "../../lib/workflows/decide-complaint";
import { fileComplaint } from "../../lib/workflows/file-complaint";
import { seedDatabase } from "../../prisma/seed";
import { startFakeVies, type FakeVies } from "../fakes/vies/fake-vies";
import {
  anna,
  acme,
  mueller,
  deliverAndCloseWindow,
  placeMillingOrder,
  shipThroughMueller,
} from "../fixtures/money-fixtures";
import { pdfText } from "../fixtures/pdf-text";
import { createTestPrisma } from "./setup/test-prisma";
import { formatDayOfMoment } from "../../lib/dates/format-day";

const muellerAdmin: SupplierEditor = { ...mueller, role: "SUPPLIER_ADMIN" };
const platformVatId = "DE812345673";
/** Set SHOTS_DIR to keep the rendered invoices, to look at them (pdftoppm). */
const keepPdf = (name: string, pdf: Uint8Array) => {
  if (process.env.SHOTS_DIR) writeFileSync(`${process.env.SHOTS_DIR}/${name}.pdf`, pdf);
  return pdf;
};

describe("self-billing invoices under § 14 UStG: the partner's tax details first", () => {
  let db: Database;
  let vies: FakeVies;

  /** An invoice order Müller made and the buyer confirmed: the payout it gives. */
  async function deliveredPayout() {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, order.id, line.id);
    // Delivered and the complaint window closed: the payout is due now (docs/decisions/0031).
    const { payoutId } = await deliverAndCloseWindow(db, { userId: anna.userId, companyId: acme }, line.id);
    const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "ACCEPTED" } });
    return { order, payoutId, netCents: offer.supplierPriceCents };
  }

  async function ledgerDifferences(orderId: string) {
    return (await checkLedger(db)).differences.filter((difference) => difference.orderId === orderId);
  }

  const refusal = async (promise: Promise<unknown>) =>
    formStateFromError(await promise.catch((error: unknown) => error), "save");

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    await db.weeklyCapacity.updateMany({
      where: { companyId: mueller.companyId, process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 900 },
    });
    vies = await startFakeVies();
    process.env.VIES_URL = vies.checkUrl;
    process.env.VIES_TIMEOUT_MS = "4000";
    process.env.PLATFORM_VAT_NUMBER = platformVatId;
    resetEnvCache();
  });
  afterAll(async () => {
    await vies.close();
    delete process.env.PLATFORM_VAT_NUMBER;
    resetEnvCache();
  });
  beforeEach(async () => {
    vies.reset();
    // Müller, paid by bank transfer, as the seed has it but without any tax details.
    await db.company.update({
      where: { id: mueller.companyId },
      data: {
        countryCode: "DE",
        vatNumber: null,
        vatIdStatus: null,
        vatIdConfirmedAt: null,
        taxNumber: null,
        smallBusiness: false,
        bankAccountHolder: "Präzisionsteile Müller GmbH",
        bankIban: "DE89370400440532013000",
      },
    });
  });

  it("holds the payout of a partner without tax details, issues no invoice and e-mails where to enter them", async () => {
    const { order, payoutId, netCents } = await deliveredPayout();
    expect(await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).toMatchObject({
      status: "HELD",
      heldReason: payoutHeldReasons.missingTaxData,
      invoiceId: null,
      amountCents: 0,
    });
    expect(await db.invoice.count({ where: { orderId: order.id, kind: "SELF_BILLING" } })).toBe(0);
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: "partner@mueller-cnc.example", subject: { contains: `order ${order.number}` } },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.subject).toBe(`Your tax details are needed to pay you for order ${order.number}`);
    expect(mail.text).toContain("Steuernummer");
    expect(mail.text).toContain("/supplier/profile#tax-details");
    expect(await ledgerDifferences(order.id)).toEqual([]);

    // Entering the tax number as the tax office's letter has it issues the invoice and releases the payout.
    const saved = await saveSupplierTaxDetails(db, muellerAdmin, {
      vatNumber: "",
      taxNumber: "93815/08152",
      taxNumberState: "DE-BW",
    });
    expect(saved.message).toMatch(/Tax details saved/);
    const payout = await db.payout.findUniqueOrThrow({ where: { id: payoutId }, include: { invoice: true } });
    const grossCents = netCents + Math.round(netCents * 0.19);
    expect(payout).toMatchObject({
      status: "PENDING",
      heldReason: null,
      method: "MANUAL_TRANSFER",
      amountCents: grossCents,
    });
    expect(payout.invoice).toMatchObject({
      kind: "SELF_BILLING",
      netCents,
      totalCents: grossCents,
      supplierVatTreatment: "GERMAN_VAT",
      supplierTaxNumber: "2893081508152",
      supplierVatId: null,
    });
    expect(await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } })).toMatchObject({
      taxNumber: "2893081508152",
    });
    expect(await ledgerDifferences(order.id)).toEqual([]);
    expect(
      await db.outboxEmail.count({
        where: { toAddress: "partner@mueller-cnc.example", text: { contains: payout.invoice!.number } },
      }),
    ).toBeGreaterThan(0);
    expect(
      await db.auditLogEntry.count({
        where: { action: "supplier.tax-details", companyId: mueller.companyId },
      }),
    ).toBe(1);
  });

  it("refuses a wrong tax number, a foreign VAT ID for a German partner, and staff", async () => {
    expect(
      (await refusal(saveSupplierTaxDetails(db, muellerAdmin, { taxNumber: "2893081508153" }))).fieldErrors,
    ).toEqual({ taxNumber: expect.stringMatching(/check digit does not match/) });
    expect(
      (await refusal(saveSupplierTaxDetails(db, muellerAdmin, { taxNumber: "93815/08152" }))).fieldErrors,
    ).toEqual({ taxNumber: expect.stringMatching(/Choose the state/) });
    expect((await refusal(saveSupplierTaxDetails(db, muellerAdmin, {}))).fieldErrors).toEqual({
      taxNumber: expect.stringMatching(/Enter your tax number \(Steuernummer\) or your German VAT ID/),
    });
    expect(
      (await refusal(saveSupplierTaxDetails(db, muellerAdmin, { vatNumber: "ATU1234" }))).fieldErrors,
    ).toEqual({ vatNumber: expect.stringMatching(/not a valid Austrian VAT ID/) });
    await expect(
      saveSupplierTaxDetails(db, { ...mueller, role: "SUPPLIER_MEMBER" }, { taxNumber: "2893081508152" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } })).toMatchObject({
      taxNumber: null,
      vatNumber: null,
    });
  });

  it("prints every § 14 (4) field on a German partner's Gutschrift: both parties, numbers, dates, 19 % VAT", async () => {
    await saveSupplierTaxDetails(db, muellerAdmin, {
      vatNumber: "de 145 238 764",
      taxNumber: "2893081508152",
    });
    const { order, payoutId, netCents } = await deliveredPayout();
    const { invoiceId, amountCents } = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    const invoice = (await loadSelfBillingInvoice(db, invoiceId!, {
      companyId: mueller.companyId,
      isOperations: false,
    }))!;
    const text = pdfText(keepPdf("gutschrift-german-vat", await renderSelfBillingPdf(invoice)));
    const euros = (cents: number) => (cents / 100).toFixed(2);
    for (const field of [
      "Gutschrift (self-billing invoice, § 14 (2) sentence 2 UStG)",
      // Supplier: name, full address, tax number and VAT ID.
      "Präzisionsteile Müller GmbH",
      "Industriestraße 12",
      "70565 Stuttgart",
      "Steuernummer / tax number: 2893081508152",
      "USt-IdNr. / VAT ID: DE145238764",
      // Recipient: the platform, with its VAT ID.
      "Instant Quote",
      `USt-IdNr. / VAT ID: ${platformVatId}`,
      `Gutschrift-Nr. / Invoice number: ${invoice.number}`,
      `Rechnungsdatum / Invoice date: ${formatDayOfMoment(invoice.issuedAt)}`,
      `Lieferdatum / date of supply ${formatDayOfMoment(invoice.lines[0]!.deliveredAt!)}`,
      "Nettobetrag / Net at 19 %",
      "Umsatzsteuer / VAT 19 %",
      "Gesamtbetrag / Total",
      euros(netCents),
      euros(amountCents - netCents),
      euros(amountCents),
    ])
      expect(text).toContain(field);
    expect(text).toContain(`order ${order.number}`);
    // The quantity and description of the parts.
    expect(invoice.lines[0]).toMatchObject({ quantity: 10, process: "CNC_MILLING" });
    expect(text).toMatch(/\n10\n/);
    expect(text).toContain("CNC milling");
    expect(text).not.toContain("not given");
  });

  it("invoices a small business (§ 19 UStG) without VAT and pays the net", async () => {
    await saveSupplierTaxDetails(db, muellerAdmin, { taxNumber: "2893081508152", smallBusiness: true });
    const { order, payoutId, netCents } = await deliveredPayout();
    const payout = await db.payout.findUniqueOrThrow({ where: { id: payoutId }, include: { invoice: true } });
    expect(payout).toMatchObject({ status: "PENDING", amountCents: netCents });
    expect(payout.invoice).toMatchObject({
      vatCents: 0,
      totalCents: netCents,
      supplierVatTreatment: "SMALL_BUSINESS",
    });
    const text = pdfText(
      await renderSelfBillingPdf(
        (await loadSelfBillingInvoice(db, payout.invoiceId!, { companyId: "x", isOperations: true }))!,
      ),
    );
    expect(text).toContain("Kleinunternehmer nach § 19 UStG");
    expect(await ledgerDifferences(order.id)).toEqual([]);
  });

  it("reverse charge for a partner in another member state: held until VIES confirms its VAT ID, then released", async () => {
    await db.company.update({ where: { id: mueller.companyId }, data: { countryCode: "IT" } });
    const { order, payoutId, netCents } = await deliveredPayout();
    expect(await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).toMatchObject({
      status: "HELD",
      invoiceId: null,
    });

    // A German tax number means nothing in Italy, and the VAT ID it needs is named in the same round;
    // VIES refusing the ID refuses it.
    expect(
      (await refusal(saveSupplierTaxDetails(db, muellerAdmin, { taxNumber: "2893081508152" }))).fieldErrors,
    ).toEqual({
      taxNumber: expect.stringMatching(/for partners in Germany/),
      vatNumber: expect.stringMatching(/Enter your VAT ID/),
    });
    // Every refusal at once: a mistyped tax number (refused in Italy, not checked by ELSTER's rules), the
    // small-business rule and a VAT ID of the wrong form.
    expect(
      (
        await refusal(
          saveSupplierTaxDetails(db, muellerAdmin, {
            taxNumber: "123",
            smallBusiness: true,
            vatNumber: "IT0274369015",
          }),
        )
      ).fieldErrors,
    ).toEqual({
      taxNumber: expect.stringMatching(/for partners in Germany/),
      smallBusiness: expect.stringMatching(/for partners in Germany/),
      vatNumber: expect.stringMatching(/Italian VAT ID/),
    });
    vies.answer("IT02743690154", "not_valid");
    expect(
      (await refusal(saveSupplierTaxDetails(db, muellerAdmin, { vatNumber: "IT02743690154" }))).fieldErrors,
    ).toEqual({ vatNumber: expect.stringMatching(/VIES.*says IT02743690154 is not a valid VAT ID/) });

    // VIES cannot answer: saved, but the payout waits for the hourly re-check.
    await db.vatIdCheck.deleteMany();
    vies.answer("IT02743690154", "MS_UNAVAILABLE");
    const saved = await saveSupplierTaxDetails(db, muellerAdmin, { vatNumber: "IT02743690154" });
    expect(saved.message).toMatch(/VIES has not yet confirmed your VAT ID IT02743690154/);
    expect(await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).toMatchObject({ status: "HELD" });

    vies.answer("IT02743690154", "confirmed");
    expect(await recheckSupplierVatIds(db)).toBe(1);
    const payout = await db.payout.findUniqueOrThrow({ where: { id: payoutId }, include: { invoice: true } });
    expect(payout).toMatchObject({ status: "PENDING", amountCents: netCents });
    expect(payout.invoice).toMatchObject({
      vatCents: 0,
      totalCents: netCents,
      supplierVatTreatment: "REVERSE_CHARGE",
      supplierVatId: "IT02743690154",
      supplierVatIdConfirmedAt: expect.any(Date),
    });
    expect(await ledgerDifferences(order.id)).toEqual([]);
    const invoice = await loadSelfBillingInvoice(db, payout.invoiceId!, {
      companyId: mueller.companyId,
      isOperations: false,
    });
    const text = pdfText(keepPdf("gutschrift-reverse-charge", await renderSelfBillingPdf(invoice!)));
    expect(text).toContain("Gutschrift");
    expect(text).toContain("USt-IdNr. / VAT ID: IT02743690154");
    expect(text).toContain("Steuerfreie innergemeinschaftliche Lieferung (Art. 138 Richtlinie 2006/112/EG)");
    expect(text).toContain("Reverse charge");
    expect(text.replaceAll("\n", " ")).toMatch(
      /Supplier's VAT ID IT02743690154 \(confirmed by VIES on \d{1,2} [A-Z][a-z]{2} \d{4}\); recipient's VAT ID DE812345673/,
    );
  });

  it("complaints: a payout waits for its tax details, then for operations' decision; a rejection before the details sends it back to wait", async () => {
    // Both deliveries first: complaints move the matcher's ranking.
    const first = await deliveredPayout();
    const second = await deliveredPayout();
    const complain = async (payoutId: string, text: string) => {
      const { orderLineId } = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
      return fileComplaint(
        { db, storage: {} as FileStorage },
        { userId: anna.userId, companyId: acme },
        orderLineId,
        { text, photos: [] },
      );
    };
    const olga = { userId: "seed_user_olga" };

    // Operations reject a complaint while the details are missing: the payout goes on waiting for them.
    const early = await complain(second.payoutId, "Wrong colour anodising.");
    await db.payout.update({
      where: { id: second.payoutId },
      data: { heldReason: payoutHeldReasons.complaint },
    });
    const { payoutToPay } = await decideComplaint(db, olga, early.id, {
      decision: "REJECTED",
      resolution: "Clear anodising was ordered.",
      supplierPayout: "PAY",
      earlyDecisionReason: "Decided at once in this test.",
    });
    expect(payoutToPay).toBeNull();
    expect(await db.payout.findUniqueOrThrow({ where: { id: second.payoutId } })).toMatchObject({
      status: "HELD",
      heldReason: payoutHeldReasons.missingTaxData,
      invoiceId: null,
    });

    // A complaint still open when the details come: the invoice is issued, the payout waits for operations.
    const open = await complain(first.payoutId, "One bracket has a burr on the bore.");
    await saveSupplierTaxDetails(db, muellerAdmin, { taxNumber: "2893081508152" });
    expect(await db.payout.findUniqueOrThrow({ where: { id: first.payoutId } })).toMatchObject({
      status: "HELD",
      heldReason: payoutHeldReasons.complaint,
      invoiceId: expect.any(String),
    });
    expect(await db.payout.findUniqueOrThrow({ where: { id: second.payoutId } })).toMatchObject({
      status: "PENDING",
      invoiceId: expect.any(String),
    });
    await decideComplaint(db, olga, open.id, {
      decision: "REJECTED",
      resolution: "A burr within the drawing's tolerance.",
      supplierPayout: "PAY",
      earlyDecisionReason: "Decided at once in this test.",
    });
    expect(await db.payout.findUniqueOrThrow({ where: { id: first.payoutId } })).toMatchObject({
      status: "PENDING",
      heldReason: null,
    });
    expect(await ledgerDifferences(first.order.id)).toEqual([]);
    expect(await ledgerDifferences(second.order.id)).toEqual([]);
  });
});

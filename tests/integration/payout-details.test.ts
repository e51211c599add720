import { beforeAll, describe, expect, it } from "vitest";
import { describeAuditEntry } from "../../lib/audit-log/describe-audit-entry";
import type { Database } from "../../lib/db/prisma";
import { formStateFromError } from "../../lib/errors/form-state-from-error";
import { loadCreditNote } from "../../lib/orders/load-credit-note";
import { renderCreditNotePdf } from "../../lib/orders/render-credit-note-pdf";
import { refundOrder } from "../../lib/payments/refund-order";
import { loadSelfBillingInvoice } from "../../lib/payouts/load-self-billing-invoice";
import { payoutHeldReasons } from "../../lib/payouts/payout-method-for";
import { renderSelfBillingPdf } from "../../lib/payouts/render-self-billing-pdf";
import { saveBankDetails } from "../../lib/payouts/save-bank-details";
import type { SupplierEditor } from "../../lib/suppliers/assert-supplier-admin";
import { seedDatabase } from "../../prisma/seed";
import {
  acme,
  anna,
  mueller,
  deliverAndCloseWindow,
  placeMillingOrder,
  shipThroughMueller,
} from "../fixtures/money-fixtures";
import { pdfText } from "../fixtures/pdf-text";
import { createTestPrisma } from "./setup/test-prisma";

const muellerAdmin: SupplierEditor = { ...mueller, role: "SUPPLIER_ADMIN" };
const bankDetails = {
  accountHolder: "Präzisionsteile Müller GmbH",
  iban: "de89 3704 0044 0532 0130 00",
  bic: "cobadeffxxx",
};

describe("a partner's payout details and documents", () => {
  let db: Database;
  let member: SupplierEditor;

  /** An invoice order of the seeded buyer that Müller made and the buyer confirmed: its payout waits. */
  async function deliveredOrder() {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, order.id, line.id);
    const { payoutId } = await deliverAndCloseWindow(db, { userId: anna.userId, companyId: acme }, line.id);
    return { order, payoutId };
  }

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    await db.weeklyCapacity.updateMany({
      where: { companyId: mueller.companyId, process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 500 },
    });
    const staff = await db.user.create({
      data: {
        companyId: mueller.companyId,
        email: "staff@mueller-cnc.example",
        name: "Lena Staff",
        passwordHash: "x",
        role: "SUPPLIER_MEMBER",
      },
    });
    member = { userId: staff.id, companyId: mueller.companyId, role: "SUPPLIER_MEMBER" };
  });

  it("tells staff to ask their admin and stores nothing", async () => {
    await expect(saveBankDetails(db, member, bankDetails)).rejects.toMatchObject({
      code: "forbidden",
      message:
        "Only an admin or finance staff of your company can change the payout details. Ask your admin to make the change.",
    });
    expect(await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } })).toMatchObject({
      bankIban: null,
    });
  });

  it("refuses a mistyped IBAN or BIC with what to fix, next to the field, and stores nothing", async () => {
    const refusal = await saveBankDetails(db, muellerAdmin, {
      accountHolder: "M",
      iban: "DE89 3704 0044 0532 0130 01",
      bic: "COBADEFFX",
    }).catch((error: unknown) => error);
    expect(formStateFromError(refusal, "save").fieldErrors).toEqual({
      accountHolder: "Enter the account holder's name as the bank knows it.",
      iban: "The IBAN's check digits do not match: check for a typo.",
      bic: "A BIC has 8 or 11 letters and digits, e.g. COBADEFFXXX, or leave it empty.",
    });
    const short = await saveBankDetails(db, muellerAdmin, {
      ...bankDetails,
      iban: "DE89370400440532013",
    }).catch((error: unknown) => error);
    expect(formStateFromError(short, "save").fieldErrors).toEqual({
      iban: "A German IBAN has 22 characters; this one has 19.",
    });
    expect(await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } })).toMatchObject({
      bankAccountHolder: null,
      bankIban: null,
      bankBic: null,
    });
  });

  it("refuses an account a SEPA transfer cannot reach, or a Swiss one without its BIC, and stores nothing", async () => {
    // Valid check digits, but the SEPA payouts file would carry a transfer the bank refuses.
    const saudi = await saveBankDetails(db, muellerAdmin, {
      ...bankDetails,
      iban: "SA03 8000 0000 6080 1016 7519",
    }).catch((error: unknown) => error);
    expect(formStateFromError(saudi, "save").fieldErrors).toEqual({
      iban: "We pay partners by SEPA transfer, which does not reach Saudi accounts: give the IBAN of an account in a SEPA country (the EU, Norway, Switzerland, the UK…).",
    });
    const swiss = await saveBankDetails(db, muellerAdmin, {
      ...bankDetails,
      iban: "CH93 0076 2011 6238 5295 7",
      bic: "",
    }).catch((error: unknown) => error);
    expect(formStateFromError(swiss, "save").fieldErrors).toEqual({
      bic: "A SEPA transfer to a Swiss account needs the bank's BIC: enter it (8 or 11 letters and digits, on your bank statement).",
    });
    expect(await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } })).toMatchObject({
      bankIban: null,
    });
  });

  it("saves an admin's bank details normalised and releases the payout held for them as a bank transfer", async () => {
    const { payoutId } = await deliveredOrder();
    expect(await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).toMatchObject({
      status: "HELD",
      heldReason: payoutHeldReasons.missingDetails,
    });

    // Manual transfers wait for operations: nothing to send to Stripe.
    expect(await saveBankDetails(db, muellerAdmin, bankDetails)).toEqual([]);

    expect(await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } })).toMatchObject({
      bankAccountHolder: "Präzisionsteile Müller GmbH",
      bankIban: "DE89370400440532013000",
      bankBic: "COBADEFFXXX",
    });
    expect(await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).toMatchObject({
      status: "PENDING",
      method: "MANUAL_TRANSFER",
      heldReason: null,
    });
    const logged = await db.auditLogEntry.findFirstOrThrow({
      where: { action: "payouts.bank-details", companyId: mueller.companyId },
    });
    expect(logged.data).toEqual({
      from: { accountHolder: null, ibanLast4: null, bic: null },
      to: { accountHolder: "Präzisionsteile Müller GmbH", ibanLast4: "3000", bic: "COBADEFFXXX" },
    });
    expect(JSON.stringify(logged.data)).not.toContain("DE89");
    // Found on walk 7: operations read the BIC and holder changes, but never that the IBAN changed.
    expect(describeAuditEntry(logged)).toContain("IBAN changed from none to one ending in 3000");
  });

  it("shows a self-billing invoice to its partner and operations only, as a Gutschrift PDF", async () => {
    const { order, payoutId } = await deliveredOrder();
    const { invoiceId } = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(await loadSelfBillingInvoice(db, invoiceId!, { companyId: acme, isOperations: false })).toBeNull();
    expect(
      await loadSelfBillingInvoice(db, invoiceId!, { companyId: "seed_company_rossi", isOperations: false }),
    ).toBeNull();
    const asOperations = await loadSelfBillingInvoice(db, invoiceId!, { companyId: "x", isOperations: true });
    const invoice = await loadSelfBillingInvoice(db, invoiceId!, {
      companyId: mueller.companyId,
      isOperations: false,
    });
    expect(asOperations).toEqual(invoice);
    expect(invoice).toMatchObject({
      orderNumber: order.number,
      vatNote: "Umsatzsteuer / VAT 19 %",
      lines: [expect.objectContaining({ quantity: 10, process: "CNC_MILLING", netCents: invoice!.netCents })],
      payout: { status: "PENDING", method: "MANUAL_TRANSFER" },
    });

    const text = pdfText(await renderSelfBillingPdf(invoice!));
    expect(text).toContain(`Self-billing invoice ${invoice!.number}`);
    expect(text).toContain("Gutschrift (self-billing invoice, § 14 (2) sentence 2 UStG)");
    expect(text).toContain(`order ${order.number}`);
    expect(text).toContain(invoice!.supplier.name);
    expect(text).toContain("Being paid by bank transfer.");
  });

  it("shows a credit note to the buyer and operations only, with the invoice it credits", async () => {
    const { order } = await placeMillingOrder(db, "INVOICE");
    const { creditNoteNumber } = await db.$transaction((tx) =>
      refundOrder(tx, { orderId: order.id, amountCents: 5000, reason: "Goodwill" }, new Date()),
    );
    const { id } = await db.invoice.findUniqueOrThrow({ where: { number: creditNoteNumber! } });
    const buyerInvoice = await db.invoice.findFirstOrThrow({
      where: { orderId: order.id, kind: "BUYER_INVOICE" },
    });
    expect(await loadCreditNote(db, id, { companyId: mueller.companyId, isOperations: false })).toBeNull();
    const creditNote = await loadCreditNote(db, id, { companyId: acme, isOperations: false });
    expect(await loadCreditNote(db, id, { companyId: "x", isOperations: true })).toEqual(creditNote);
    expect(creditNote).toMatchObject({
      orderId: order.id,
      invoiceNumber: buyerInvoice.number,
      totalCents: 5000,
      paymentMethod: "INVOICE",
      billingAddressLines: [
        "Acme Robotics GmbH",
        "Goods in",
        "Industriestraße 7",
        "80331 München",
        "Germany",
      ],
    });

    const text = pdfText(await renderCreditNotePdf(creditNote!));
    expect(text).toContain(
      `Credit note ${creditNoteNumber} for invoice ${buyerInvoice.number} (order ${order.number})`,
    );
    expect(text).toContain(`Deducted from the amount due on invoice ${buyerInvoice.number}.`);
  });
});

// Issue 18, "documents a purchaser needs" (i18-docs): the quote PDF and its share link, the buyer's
// purchase-order number and cost centre on every document, the address book, and names (never codes)
// on invoices and credit notes.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { formatDeadline } from "../../lib/dates/format-deadline";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import { catalogueCodeIn } from "../../lib/catalogue/catalogue-code-in";
import { finishLabel } from "../../lib/catalogue/catalogue-labels";
import { formatEuros } from "../../lib/money/format-euros";
import { loadBuyerOrder } from "../../lib/orders/load-buyer-order";
import { loadCreditNote } from "../../lib/orders/load-credit-note";
import { placeOrder } from "../../lib/orders/place-order";
import { renderCreditNotePdf } from "../../lib/orders/render-credit-note-pdf";
import { renderOrderPdf } from "../../lib/orders/render-order-pdf";
import { createQuoteShareLink } from "../../lib/quote-documents/create-quote-share-link";
import { loadQuoteDocument } from "../../lib/quote-documents/load-quote-document";
import { openSharedQuote } from "../../lib/quote-documents/open-shared-quote";
import { quoteShareTokenSha256 } from "../../lib/quote-documents/quote-share-token";
import { renderQuotePdf } from "../../lib/quote-documents/render-quote-pdf";
import { platformLegalDetails } from "../../lib/documents/platform-legal-details";
import { saveQuote } from "../../lib/quotes/save-quote";
import { cancelOrder } from "../../lib/workflows/cancel-order";
import { deleteCompanyAddress } from "../../lib/addresses/delete-company-address";
import { listCompanyAddresses } from "../../lib/addresses/list-company-addresses";
import { saveCompanyAddress } from "../../lib/addresses/save-company-address";
import { seedDatabase } from "../../prisma/seed";
import { acme, acmeInvoiceCheckout, anna, goodsInAddress } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { pdfText } from "../fixtures/pdf-text";
import { syntheticReport } from "../fixtures/synthetic-report";
import { createTestPrisma } from "./setup/test-prisma";
import { formatDay, formatDayOfMoment } from "../../lib/dates/format-day";

const milling = {
  process: "cnc_milling" as const,
  materialCode: "AL-6061-T6",
  finishCode: "anodized-clear",
  quantity: 10,
};
const viennaAddress = {
  name: "Wareneingang",
  line: "Handelskai 94",
  postalCode: "1200",
  city: "Wien",
  countryCode: "AT",
};
const checkout = (extra: Record<string, unknown> = {}) => ({
  ...acmeInvoiceCheckout,
  ...extra,
});

describe("documents a purchaser needs (issue 18)", () => {
  let db: Database;
  let otherBuyer: { userId: string; companyId: string };

  async function acmeQuote() {
    const partId = await createAnalysedPart(db, { companyId: acme });
    return saveQuote(db, anna, partId, milling);
  }
  async function orderFromCart(extra: Record<string, unknown> = {}) {
    await addQuoteToCart(db, anna, (await acmeQuote()).id);
    return placeOrder(db, anna, checkout(extra));
  }

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    const company = await db.company.create({
      data: { kind: "BUYER", name: "Other Buyer GmbH", countryCode: "DE" },
    });
    const user = await db.user.create({
      data: {
        companyId: company.id,
        email: "buyer@other.example",
        name: "Other Buyer",
        role: "BUYER_ADMIN",
        passwordHash: "x",
      },
    });
    otherBuyer = { userId: user.id, companyId: company.id };
  });
  beforeEach(async () => {
    await db.cartItem.deleteMany();
  });

  it("a quote gives the part's size in the drawn axes' order, as the part page does", async () => {
    const quote = await acmeQuote();
    const { partId } = await db.quote.findUniqueOrThrow({
      where: { id: quote.id },
      select: { partId: true },
    });
    await db.part.update({
      where: { id: partId },
      data: {
        analysis: syntheticReport({
          sizeMm: [40, 80, 12],
          volumeMm3: 30_000,
          areaMm2: 9_000,
          setups: 1,
        }) as never,
      },
    });
    const document = await loadQuoteDocument(db, { quoteId: quote.id, companyId: acme });
    expect(document.partSizeMm).toEqual([40, 80, 12]);
    expect(pdfText(await renderQuotePdf(document, "https://shop.example/terms"))).toContain(
      "40 × 80 × 12 mm",
    );
  });

  it("a quote PDF names the part, what it is made as, the prices net, VAT, delivery, validity, seller and terms", async () => {
    const quote = await acmeQuote();
    const document = await loadQuoteDocument(db, { quoteId: quote.id, companyId: acme });
    expect(document.number).toMatch(/^QT-\d{4}-\d{6}$/);
    // The number is given once: a second download reads the same one.
    expect((await loadQuoteDocument(db, { quoteId: quote.id, companyId: acme })).number).toBe(
      document.number,
    );
    // Another company's quote does not exist for this buyer.
    await expect(
      loadQuoteDocument(db, { quoteId: quote.id, companyId: otherBuyer.companyId }),
    ).rejects.toMatchObject({ code: "not_found" });

    const text = pdfText(await renderQuotePdf(document, "https://shop.example/terms"));
    for (const expected of [
      `Quote ${document.number}`,
      `Date ${formatDayOfMoment(quote.createdAt)} · valid until ${formatDeadline(quote.validUntil)}`,
      "bracket.step",
      "1000 bytes · 80 × 40 × 12 mm",
      "CNC milling",
      (await db.material.findUniqueOrThrow({ where: { id: quote.materialId } })).name,
      finishLabel("anodized-clear"),
      "ISO 2768-m (medium)",
      "10",
      // pdfText reads WinAnsi as Latin-1, where the euro sign has no place: the amounts without it.
      formatEuros(quote.unitPriceCents).replace("€", ""),
      formatEuros(quote.totalPriceCents).replace("€", ""),
      `delivered by ${formatDay(quote.deliveryDate)}`,
      "Acme Robotics GmbH",
      platformLegalDetails().name,
      `VAT ID ${platformLegalDetails().vatNumber}`,
      "https://shop.example/terms",
    ])
      expect(text, expected).toContain(expected);
    expect(text).toMatch(/All prices are net, excluding VAT/);
    expect(text).not.toContain("Your purchase order");
    expect(catalogueCodeIn(text)).toBeUndefined();

    const withReference = pdfText(
      await renderQuotePdf(
        { ...document, reference: { purchaseOrderNumber: "PO-77", costCentre: "CC 4" } },
        "https://shop.example/terms",
      ),
    );
    expect(withReference).toContain("Your purchase order: PO-77");
    expect(withReference).toContain("Cost centre: CC 4");
  });

  it("a share link opens its one quote until the quote expires, then only says it expired; a wrong one opens nothing", async () => {
    const quote = await acmeQuote();
    const { url, expiresAt } = await createQuoteShareLink(db, anna, quote.id);
    expect(expiresAt).toEqual(quote.validUntil);
    const token = url.split("/shared-quotes/")[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Stored as its SHA-256 only.
    const stored = await db.quoteShareLink.findMany({ where: { quoteId: quote.id } });
    expect(stored.map((link) => link.tokenHash)).toEqual([quoteShareTokenSha256(token)]);
    expect(stored[0]!.tokenHash).not.toContain(token);

    const opened = await openSharedQuote(db, token);
    expect(opened.state).toBe("valid");
    if (opened.state === "valid") expect(opened.document.quoteId).toBe(quote.id);

    const afterExpiry = new Date(quote.validUntil.getTime() + 1000);
    expect(await openSharedQuote(db, token, afterExpiry)).toEqual({ state: "expired" });
    const changed = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const wrong of [changed, "x", "../../api/v1/me", "", token + "A"])
      expect(await openSharedQuote(db, wrong), wrong).toEqual({ state: "unknown" });

    await expect(createQuoteShareLink(db, anna, quote.id, afterExpiry)).rejects.toThrow(/expired/);
    await expect(createQuoteShareLink(db, otherBuyer, quote.id)).rejects.toMatchObject({
      code: "not_found",
    });
    // A quote that operations expired early closes its links too.
    await db.quote.update({ where: { id: quote.id }, data: { status: "EXPIRED" } });
    expect(await openSharedQuote(db, token)).toEqual({ state: "expired" });
  });

  it("prints the purchase order and cost centre on the confirmation, invoice, credit note and e-mails", async () => {
    const order = await orderFromCart({ purchaseOrderNumber: " PO-2026-0815 ", costCentre: "4711 Tooling" });
    expect(order).toMatchObject({ purchaseOrderNumber: "PO-2026-0815", costCentre: "4711 Tooling" });
    const loaded = await loadBuyerOrder(db, acme, order.id);
    const lines = ["Your purchase order: PO-2026-0815", "Cost centre: 4711 Tooling"];
    for (const kind of ["confirmation", "invoice"] as const) {
      const text = pdfText(await renderOrderPdf(loaded, kind));
      for (const line of lines) expect(text, `${kind}: ${line}`).toContain(line);
    }
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { subject: `Order ${order.number}: received` },
    });
    for (const line of lines) expect(mail.text).toContain(line);

    await cancelOrder(db, anna, order.id, { reason: "Project stopped" });
    const creditNoteRow = await db.invoice.findFirstOrThrow({
      where: { orderId: order.id, kind: "CREDIT_NOTE" },
    });
    const creditNote = await loadCreditNote(db, creditNoteRow.id, { companyId: acme, isOperations: false });
    const creditText = pdfText(await renderCreditNotePdf(creditNote!));
    for (const line of lines) expect(creditText, `credit note: ${line}`).toContain(line);

    // Without references, no empty lines are printed.
    const plain = await orderFromCart();
    expect(plain).toMatchObject({ purchaseOrderNumber: null, costCentre: null });
    const plainText = pdfText(await renderOrderPdf(await loadBuyerOrder(db, acme, plain.id), "invoice"));
    expect(plainText).not.toContain("Your purchase order");
    expect(plainText).not.toContain("Cost centre");
    await expect(orderFromCart({ purchaseOrderNumber: "P".repeat(51) })).rejects.toThrow(/50 characters/);
  });

  it("invoices and credit notes name countries, processes and finishes, never their codes", async () => {
    const order = await orderFromCart({ shippingAddress: viennaAddress });
    const text = pdfText(await renderOrderPdf(await loadBuyerOrder(db, acme, order.id), "invoice"));
    expect(text).toContain("Germany");
    expect(text).toContain("Austria");
    expect(text).toContain("CNC milling");
    expect(text).toContain(finishLabel("anodized-clear"));
    expect(text).not.toMatch(/^(DE|AT)$/m);
    expect(catalogueCodeIn(text)).toBeUndefined();

    await cancelOrder(db, anna, order.id, { reason: "Ordered twice" });
    const row = await db.invoice.findFirstOrThrow({ where: { orderId: order.id, kind: "CREDIT_NOTE" } });
    const creditNote = await loadCreditNote(db, row.id, { companyId: acme, isOperations: false });
    const creditText = pdfText(await renderCreditNotePdf(creditNote!));
    expect(creditText).toContain("Germany");
    expect(creditText).not.toMatch(/^(DE|AT)$/m);
    expect(catalogueCodeIn(creditText)).toBeUndefined();
  });

  it("checkout keeps the billing address in the address book and saves a new shipping address when asked", async () => {
    const before = await listCompanyAddresses(db, acme);
    expect(before.filter((address) => address.kind === "BILLING")).toHaveLength(1);

    await orderFromCart({
      shippingAddress: viennaAddress,
      saveShippingAddress: true,
      shippingAddressLabel: "Vienna warehouse",
    });
    let book = await listCompanyAddresses(db, acme);
    const billing = book.filter((address) => address.kind === "BILLING");
    expect(billing).toHaveLength(1);
    expect(billing[0]).toMatchObject({ line: goodsInAddress.line, city: goodsInAddress.city });
    const vienna = book.find((address) => address.label === "Vienna warehouse");
    expect(vienna).toMatchObject({ kind: "SHIPPING", line: "Handelskai 94", countryCode: "AT" });
    // The seeded "Assembly plant" is not the default, and the new one does not take it over unasked.
    expect(vienna!.isDefault).toBe(false);

    // The same address again is not saved twice; without the tick a new address is not saved at all.
    await orderFromCart({ shippingAddress: viennaAddress, saveShippingAddress: true });
    await orderFromCart({ shippingAddress: { ...viennaAddress, line: "Praterstraße 1" } });
    book = await listCompanyAddresses(db, acme);
    expect(book.filter((address) => address.line === "Handelskai 94")).toHaveLength(1);
    expect(book.some((address) => address.line === "Praterstraße 1")).toBe(false);
  });

  it("the address book keeps one billing address and one default shipping address, per company", async () => {
    const actor = { userId: anna.userId, companyId: acme };
    const first = await saveCompanyAddress(db, actor, {
      kind: "SHIPPING",
      label: "Plant A",
      ...goodsInAddress,
      isDefault: true,
    });
    const second = await saveCompanyAddress(db, actor, {
      kind: "SHIPPING",
      label: "Plant B",
      ...viennaAddress,
      isDefault: true,
    });
    let book = await listCompanyAddresses(db, acme);
    expect(
      book.filter((address) => address.isDefault && address.kind === "SHIPPING").map((a) => a.id),
    ).toEqual([second.id]);
    // Saving a billing address without an id replaces the one there is; the company's address follows.
    await saveCompanyAddress(db, actor, {
      kind: "BILLING",
      label: "Billing",
      name: "Accounts payable",
      line: "Leopoldstraße 10",
      postalCode: "80802",
      city: "München",
      countryCode: "DE",
    });
    book = await listCompanyAddresses(db, acme);
    expect(book.filter((address) => address.kind === "BILLING")).toMatchObject([
      { line: "Leopoldstraße 10" },
    ]);
    expect((await db.company.findUniqueOrThrow({ where: { id: acme } })).addressLine).toBe(
      "Leopoldstraße 10",
    );

    await expect(
      saveCompanyAddress(db, actor, { kind: "SHIPPING", label: "", ...goodsInAddress }),
    ).rejects.toThrow(/label/);
    const billingId = book.find((address) => address.kind === "BILLING")!.id;
    await expect(deleteCompanyAddress(db, actor, billingId)).rejects.toThrow(/billing address/);
    // Another company can neither change nor remove Acme's addresses.
    await expect(
      saveCompanyAddress(db, otherBuyer, {
        addressId: first.id,
        kind: "SHIPPING",
        label: "Mine",
        ...goodsInAddress,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await deleteCompanyAddress(db, otherBuyer, first.id);
    expect((await listCompanyAddresses(db, acme)).some((address) => address.id === first.id)).toBe(true);
    await deleteCompanyAddress(db, actor, first.id);
    expect((await listCompanyAddresses(db, acme)).some((address) => address.id === first.id)).toBe(false);
  });
});

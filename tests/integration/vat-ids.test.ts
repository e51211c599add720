import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import type { Database } from "../../lib/db/prisma";
import { resetEnvCache } from "../../lib/env";
import { loadBuyerOrder } from "../../lib/orders/load-buyer-order";
import { placeOrder, type Orderer } from "../../lib/orders/place-order";
import { renderOrderPdf } from "../../lib/orders/render-order-pdf";
import { saveQuote } from "../../lib/quotes/save-quote";
import { resolveOrderVat } from "../../lib/vat/resolve-order-vat";
import { recheckVatIds } from "../../lib/vat/recheck-vat-ids";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { pdfText } from "../fixtures/pdf-text";
import { startFakeVies, type FakeVies } from "../fakes/vies/fake-vies";
import { createTestPrisma } from "./setup/test-prisma";

const acme = "seed_company_acme";
const anna: Orderer = {
  userId: "seed_user_anna",
  companyId: acme,
  role: "BUYER_ADMIN",
  email: "anna.buyer@acme.example",
};
/** A postal code of each country the tests deliver to: addresses are checked against their country. */
const postalCodes: Record<string, string> = { AT: "1010", DE: "80331", CH: "8001", PL: "00-950" };
const address = (countryCode: string) => ({
  name: "Goods in",
  line: "Industriestraße 7",
  postalCode: postalCodes[countryCode]!,
  city: "Wien",
  countryCode,
});
const checkout = (countryCode: string, vatNumber: string) => ({
  companyName: "Acme Robotics GmbH",
  vatNumber,
  billingAddress: address(countryCode),
  shippingAddress: address(countryCode),
  paymentMethod: "INVOICE" as const,
  acceptTerms: true as const,
});

/**
 * One well-formed ID (correct check digits) and one that is not, per member state and Northern Ireland;
 * the second is refused with the country's name. Together with the format's description.
 */
const vatIdTable: [prefix: string, valid: string, invalid: string, refusal: RegExp][] = [
  ["AT", "ATU12345675", "ATU1234", /ATU1234 is not a valid Austrian VAT ID: ATU followed by 8 digits/],
  ["BE", "BE0412345614", "BE0412345615", /not a valid Belgian VAT ID: its check digit/],
  [
    "BE (1-series)",
    "BE1000003682",
    "BE2000003682",
    /not a valid Belgian VAT ID: BE followed by 10 digits, the first 0 or 1/,
  ],
  ["BG", "BG123456786", "BG123456780", /not a valid Bulgarian VAT ID/],
  ["CY", "CY10234560L", "CY10234560A", /not a valid Cypriot VAT ID/],
  ["CZ", "CZ12345679", "CZ1234567", /not a valid Czech VAT ID: CZ followed by 8, 9 or 10 digits/],
  ["DE", "DE812345673", "DE812345670", /not a valid German VAT ID: its check digit/],
  ["DK", "DK12345674", "DK12345670", /not a valid Danish VAT ID/],
  ["EE", "EE101234568", "EE101234560", /not a valid Estonian VAT ID/],
  ["EL", "EL123456783", "EL123456780", /not a valid Greek VAT ID/],
  [
    "EL typed as GR",
    "GR123456783",
    "GR12345678",
    /EL12345678 is not a valid Greek VAT ID: EL \(not GR\) followed by 9 digits/,
  ],
  ["ES", "ESA1234567D", "ESA1234567A", /not a valid Spanish VAT ID/],
  ["FI", "FI12345671", "FI12345670", /not a valid Finnish VAT ID/],
  ["FR", "FR32123456789", "FR00123456789", /not a valid French VAT ID/],
  ["HR", "HR12345678903", "HR12345678900", /not a valid Croatian VAT ID/],
  ["HU", "HU12345676", "HU12345670", /not a valid Hungarian VAT ID/],
  ["IE", "IE1234567T", "IE1234567A", /not a valid Irish VAT ID/],
  ["IT", "IT12345670124", "IT12345678900", /not a valid Italian VAT ID/],
  ["LT", "LT123456715", "LT123456780", /not a valid Lithuanian VAT ID/],
  ["LU", "LU12345613", "LU12345670", /not a valid Luxembourg VAT ID/],
  ["LV", "LV40003123453", "LV40003123450", /not a valid Latvian VAT ID/],
  ["MT", "MT12345634", "MT12345670", /not a valid Maltese VAT ID/],
  ["NL", "NL123456782B01", "NL123456780B01", /not a valid Dutch VAT ID/],
  ["PL", "PL1234567890", "PL1234567891", /not a valid Polish VAT ID/],
  ["PT", "PT123456789", "PT123456780", /not a valid Portuguese VAT ID/],
  ["RO", "RO12345674", "RO12345670", /not a valid Romanian VAT ID/],
  ["SE", "SE123456789701", "SE123456789001", /not a valid Swedish VAT ID/],
  ["SI", "SI12345679", "SI12345670", /not a valid Slovenian VAT ID/],
  ["SK", "SK2023456787", "SK2023456780", /not a valid Slovak VAT ID/],
  ["XI", "XI123456782", "XI123456780", /not a valid Northern Irish VAT ID/],
];

describe("VAT IDs, VIES and reverse charge", () => {
  let db: Database;
  let vies: FakeVies;
  let partId: string;

  async function cartWithOneQuote() {
    const quote = await saveQuote(db, anna, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 10,
    });
    await addQuoteToCart(db, anna, quote.id);
    return quote;
  }

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    vies = await startFakeVies({ slowMs: 3000 });
    process.env.VIES_URL = vies.checkUrl;
    process.env.VIES_TIMEOUT_MS = "500";
    // A well-formed platform VAT ID: VIES then answers with a consultation number.
    process.env.PLATFORM_VAT_NUMBER = "DE812345673";
    resetEnvCache();
  });
  afterAll(async () => {
    await vies.close();
    delete process.env.PLATFORM_VAT_NUMBER;
    process.env.VIES_URL = "http://127.0.0.1:9/taxation_customs/vies/rest-api/check-vat-number";
    resetEnvCache();
  });
  beforeEach(async () => {
    vies.reset();
    await db.cartItem.deleteMany();
    await db.vatIdCheck.deleteMany({ where: { orders: { none: {} } } });
    await db.company.update({
      where: { id: acme },
      data: { invoicePaymentApproved: true, creditLimitCents: 50_000_000, orderApprovalLimitCents: null },
    });
    partId = await createAnalysedPart(db, { companyId: acme });
  });

  describe.each(vatIdTable)("%s", (_prefix, valid, invalid, refusal) => {
    it(`refuses ${invalid} with the format, without asking VIES`, async () => {
      await expect(
        resolveOrderVat(db, { shippingCountryCode: "FR", vatNumber: invalid }, { companyId: acme }),
      ).rejects.toThrow(refusal);
      expect(vies.requests).toHaveLength(0);
    });

    it(`takes ${valid}, and a VIES confirmation makes delivery to another member state reverse charge`, async () => {
      // German IDs never go without German VAT; everyone else's goes to Austria, Austria's to France.
      const destination = valid.startsWith("AT") ? "FR" : "AT";
      const vat = await resolveOrderVat(
        db,
        { shippingCountryCode: destination, vatNumber: valid },
        { companyId: acme },
      );
      if (valid.startsWith("DE")) {
        expect(vat.decision).toMatchObject({ percent: 19, treatment: "GERMAN_VAT" });
        expect(vies.requests).toHaveLength(0);
        return;
      }
      expect(vat.decision).toMatchObject({
        percent: 0,
        treatment: "REVERSE_CHARGE",
        label: "0 % reverse charge",
      });
      expect(vies.requests).toHaveLength(1);
      const asked = vies.requests[0]!;
      expect(`${asked.countryCode}${asked.vatNumber}`).toBe(vat.vatId!.value);
      expect(asked).toMatchObject({ requesterMemberStateCode: "DE", requesterNumber: "812345673" });
    });
  });

  it("places a reverse-charge order on a VIES confirmation and prints it on the invoice", async () => {
    const quote = await cartWithOneQuote();
    const order = await placeOrder(db, anna, checkout("AT", "atu 1234 5675"));
    expect(order).toMatchObject({
      vatCents: 0,
      totalCents: quote.totalPriceCents,
      vatNumber: "ATU12345675",
      vatTreatment: "REVERSE_CHARGE",
    });
    expect(order.vatIdConsultationNumber).toMatch(/^WAPI/);
    expect(order.vatIdCheckId).not.toBeNull();
    const company = await db.company.findUniqueOrThrow({ where: { id: acme } });
    expect(company).toMatchObject({ vatNumber: "ATU12345675", vatIdStatus: "CONFIRMED" });
    const text = pdfText(await renderOrderPdf(await loadBuyerOrder(db, acme, order.id), "invoice"));
    expect(text).toContain("Buyer's VAT ID: ATU12345675 (confirmed through VIES on");
    expect(text).toContain(`consultation number ${order.vatIdConsultationNumber}`);
    expect(text).toContain("Seller's VAT ID: DE812345673");
    expect(text).toMatch(/Reverse charge: tax-exempt intra-community supply/);
    expect(text).toMatch(/recipient is liable for the VAT/);
  });

  it("refuses an ID VIES does not know, and charges 19 % in Germany and 0 % for export without asking", async () => {
    await cartWithOneQuote();
    vies.answer("FR32123456789", "not_valid");
    await expect(placeOrder(db, anna, checkout("AT", "FR32123456789"))).rejects.toThrow(
      /VIES, the EU's register of VAT IDs, says FR32123456789 is not a valid VAT ID \(asked on \d{1,2} [A-Z][a-z]{2} \d{4}\)/,
    );
    const domestic = await placeOrder(db, anna, checkout("DE", "FR32123456789"));
    expect(domestic).toMatchObject({ vatTreatment: "GERMAN_VAT" });
    expect(domestic.vatCents).toBe(Math.round(domestic.subtotalCents * 0.19));
    await cartWithOneQuote();
    const exported = await placeOrder(db, anna, checkout("CH", ""));
    expect(exported).toMatchObject({ vatTreatment: "EXPORT", vatCents: 0, vatNumber: null });
    const text = pdfText(await renderOrderPdf(await loadBuyerOrder(db, acme, exported.id), "invoice"));
    expect(text).toContain("Tax-exempt export delivery outside the EU");
    // Only the refused question went to VIES.
    expect(vies.requests).toHaveLength(1);
  });

  it.each([
    ["MS_UNAVAILABLE"],
    ["TIMEOUT"],
    ["SERVICE_UNAVAILABLE"],
    ["MS_MAX_CONCURRENT_REQ"],
    ["GLOBAL_MAX_CONCURRENT_REQ"],
    ["INVALID_REQUESTER_INFO"],
    ["hang_up"],
    ["slow"],
  ] as const)("charges German VAT and keeps the ID for a re-check when VIES answers %s", async (mode) => {
    vies.answer("NL123456782B01", mode);
    const started = Date.now();
    const vat = await resolveOrderVat(
      db,
      { shippingCountryCode: "NL", vatNumber: "NL123456782B01" },
      { companyId: acme },
    );
    // The slow answer (3 s) is given up after VIES_TIMEOUT_MS (0.5 s).
    expect(Date.now() - started).toBeLessThan(2000);
    expect(vat.decision).toMatchObject({ percent: 19, treatment: "GERMAN_VAT" });
    expect(vat.decision.reason).toMatch(/could not confirm NL123456782B01/);
    expect(vat.confirmation?.check).toMatchObject({
      outcome: "UNAVAILABLE",
      errorCode: mode === "hang_up" ? "NETWORK" : mode === "slow" ? "TIMEOUT" : mode,
    });
    await db.vatIdCheck.deleteMany({ where: { vatId: "NL123456782B01", orders: { none: {} } } });
  });

  it("re-checks an unconfirmed ID hourly, then an old confirmation, and tells operations what changed", async () => {
    vies.answer("PL1234567890", "MS_UNAVAILABLE");
    await cartWithOneQuote();
    const unconfirmed = await placeOrder(db, anna, checkout("PL", "PL1234567890"));
    expect(unconfirmed).toMatchObject({ vatTreatment: "GERMAN_VAT", vatIdConfirmedAt: null });
    expect(await db.company.findUniqueOrThrow({ where: { id: acme } })).toMatchObject({
      vatNumber: "PL1234567890",
      vatIdStatus: "TO_RECHECK",
    });

    // VIES still cannot answer: nothing changes, nobody is e-mailed.
    const mails = () =>
      db.outboxEmail.findMany({
        where: { toAddress: "operations@instant-quote.example", subject: { contains: "PL1234567890" } },
      });
    expect(await recheckVatIds(db)).toMatchObject({ checked: 1, unavailable: 1 });
    expect(await mails()).toHaveLength(0);

    vies.answer("PL1234567890", "confirmed");
    expect(await recheckVatIds(db)).toMatchObject({ checked: 1, confirmed: 1 });
    const company = await db.company.findUniqueOrThrow({ where: { id: acme } });
    expect(company.vatIdStatus).toBe("CONFIRMED");
    const [confirmedMail] = await mails();
    expect(confirmedMail?.subject).toBe("VAT ID PL1234567890 of Acme Robotics GmbH is now confirmed by VIES");
    expect(confirmedMail?.text).toContain(unconfirmed.number);
    // A second run finds nothing due.
    expect(await recheckVatIds(db)).toMatchObject({ checked: 0 });

    // The next order reverse-charges on that confirmation without asking VIES again.
    await cartWithOneQuote();
    const requestsBefore = vies.requests.length;
    const reverse = await placeOrder(db, anna, checkout("PL", "PL1234567890"));
    expect(reverse.vatTreatment).toBe("REVERSE_CHARGE");
    expect(vies.requests).toHaveLength(requestsBefore);

    // 31 days on, the confirmation is past recheckAfterDays (30): the job asks again, VIES says no.
    vies.answer("PL1234567890", "not_valid");
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await recheckVatIds(db, later)).toMatchObject({ checked: 1, notValid: 1 });
    expect((await db.company.findUniqueOrThrow({ where: { id: acme } })).vatIdStatus).toBe("NOT_VALID");
    const notValidMail = (await mails()).find((mail) => mail.subject.includes("not valid"));
    expect(notValidMail?.text).toContain(reverse.number);
    const log = await db.auditLogEntry.findMany({
      where: { action: "company.vat-id-rechecked", entityId: acme },
    });
    expect(log.map((entry) => (entry.data as { after: string }).after)).toEqual(["CONFIRMED", "NOT_VALID"]);
  });
});

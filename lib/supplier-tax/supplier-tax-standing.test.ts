import { describe, expect, it } from "vitest";
import { supplierTaxStanding, type SupplierTaxDetails } from "./supplier-tax-standing";

const none: SupplierTaxDetails = {
  countryCode: "DE",
  addressLine: "Industriestraße 12",
  postalCode: "70565",
  city: "Stuttgart",
  vatNumber: null,
  vatIdStatus: null,
  vatIdConfirmedAt: null,
  taxNumber: null,
  smallBusiness: false,
};
const confirmedAt = new Date("2026-12-01T00:00:00Z");

describe("supplierTaxStanding", () => {
  it("holds a German partner without a tax number or VAT ID, and says what to enter where", () => {
    const standing = supplierTaxStanding(none);
    expect(standing).toMatchObject({
      ready: false,
      missing: expect.stringMatching(/Steuernummer.*Profile → Tax details/),
    });
  });

  it("charges a German partner 19 % with a valid tax number or a German VAT ID, printing what it has", () => {
    expect(supplierTaxStanding({ ...none, taxNumber: "2893081508152" })).toEqual({
      ready: true,
      vat: expect.objectContaining({
        treatment: "GERMAN_VAT",
        percent: 19,
        taxNumber: "2893081508152",
        vatId: null,
      }),
    });
    expect(supplierTaxStanding({ ...none, vatNumber: "DE145238764" })).toEqual({
      ready: true,
      vat: expect.objectContaining({ treatment: "GERMAN_VAT", percent: 19, vatId: "DE145238764" }),
    });
  });

  it("holds a partner whose address is incomplete: the invoice must name it", () => {
    expect(supplierTaxStanding({ ...none, taxNumber: "2893081508152", addressLine: null })).toMatchObject({
      ready: false,
      missing: expect.stringMatching(/street, postal code and city under Profile → Location/),
    });
  });

  it("does not count a tax number whose check digit is wrong, nor a German VAT ID VIES refused", () => {
    expect(supplierTaxStanding({ ...none, taxNumber: "2893081508153" }).ready).toBe(false);
    expect(
      supplierTaxStanding({ ...none, vatNumber: "DE145238764", vatIdStatus: "NOT_VALID" }),
    ).toMatchObject({
      ready: false,
      missing: expect.stringMatching(/VIES says your VAT ID DE145238764 is not valid/),
    });
  });

  it("invoices a German small business (§ 19 UStG) without VAT", () => {
    expect(supplierTaxStanding({ ...none, taxNumber: "2893081508152", smallBusiness: true })).toEqual({
      ready: true,
      vat: expect.objectContaining({
        treatment: "SMALL_BUSINESS",
        percent: 0,
        note: expect.stringMatching(/§ 19 UStG/),
      }),
    });
  });

  it("applies reverse charge to a partner in another member state only with a VAT ID VIES confirmed", () => {
    const italian = { ...none, countryCode: "IT", vatNumber: "IT02743690154" };
    expect(
      supplierTaxStanding({ ...italian, vatIdStatus: "CONFIRMED", vatIdConfirmedAt: confirmedAt }),
    ).toEqual({
      ready: true,
      vat: expect.objectContaining({
        treatment: "REVERSE_CHARGE",
        percent: 0,
        vatId: "IT02743690154",
        note: expect.stringMatching(/innergemeinschaftliche Lieferung.*Reverse charge/),
      }),
    });
    // VIES did not answer when it was saved: the payout waits for the hourly re-check.
    expect(supplierTaxStanding({ ...italian, vatIdStatus: "TO_RECHECK" })).toMatchObject({
      ready: false,
      missing: expect.stringMatching(/VIES has not yet confirmed/),
    });
    // Confirmed once, then a re-check VIES could not answer: still confirmed.
    expect(
      supplierTaxStanding({ ...italian, vatIdStatus: "TO_RECHECK", vatIdConfirmedAt: confirmedAt }).ready,
    ).toBe(true);
    expect(
      supplierTaxStanding({ ...italian, vatIdStatus: "NOT_VALID", vatIdConfirmedAt: confirmedAt }).ready,
    ).toBe(false);
    expect(supplierTaxStanding({ ...none, countryCode: "PL" }).ready).toBe(false);
    // A German tax number means nothing abroad.
    expect(supplierTaxStanding({ ...none, countryCode: "NL", taxNumber: "2893081508152" }).ready).toBe(false);
  });

  it("holds a partner abroad whose VAT ID is not of the country its parts leave from", () => {
    // A Polish partner registered in Germany too: its parts still leave Poland, an intra-community supply
    // it reports in Poland; neither German VAT nor reverse charge under the German ID is right.
    const polishWithGermanId = {
      ...none,
      countryCode: "PL",
      vatNumber: "DE145238764",
      vatIdStatus: "CONFIRMED" as const,
      vatIdConfirmedAt: confirmedAt,
    };
    expect(supplierTaxStanding(polishWithGermanId)).toEqual({
      ready: false,
      missing:
        "Your VAT ID DE145238764 is from Germany, but your parts ship from Poland: enter your VAT ID of Poland under Profile → Tax details (reverse charge needs the ID of the country the parts leave).",
      forOperations:
        "the partner's VAT ID DE145238764 is from Germany, but it produces in Poland; the invoice needs its VAT ID of Poland.",
    });
    expect(
      supplierTaxStanding({ ...polishWithGermanId, countryCode: "AT", vatNumber: "IT02743690154" }),
    ).toMatchObject({
      ready: false,
      forOperations: expect.stringMatching(/from Italy, but it produces in Austria/),
    });
  });

  it("takes a partner outside the EU with its country's VAT ID, without German VAT", () => {
    expect(supplierTaxStanding({ ...none, countryCode: "CH", vatNumber: "CHE-116.281.710 MWST" })).toEqual({
      ready: true,
      vat: expect.objectContaining({ treatment: "OUTSIDE_EU", percent: 0 }),
    });
    expect(supplierTaxStanding({ ...none, countryCode: "CH" }).ready).toBe(false);
  });

  it("says what is missing to operations about the partner, never the partner's own instructions", () => {
    const italian = { ...none, countryCode: "IT", postalCode: "25121", city: "Brescia" };
    const held = [
      none,
      { ...none, addressLine: null },
      { ...none, vatNumber: "DE145238764", vatIdStatus: "NOT_VALID" as const },
      italian,
      { ...italian, vatNumber: "IT02743690154", vatIdStatus: "TO_RECHECK" as const },
      { ...none, countryCode: "CH" },
    ].map(supplierTaxStanding);
    for (const standing of held) {
      if (standing.ready) throw new Error("expected every case to be held");
      expect(standing.missing).toMatch(/\byour\b/i);
      expect(standing.forOperations).toMatch(/the partner/);
      expect(standing.forOperations).not.toMatch(/\byour?\b|Profile →|\bwe\b/i);
    }
    expect(held.at(-1)).toMatchObject({ forOperations: expect.stringContaining("Switzerland") });
  });
});

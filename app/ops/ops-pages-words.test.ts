import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TaxFacts } from "./suppliers/[companyId]/tax-facts";

// Operations read country names and sentences written for them (house rule: names, never codes). Found on
// the partner walk: "Brescia, IT" and the partner's own "Check it under Profile → Tax details".
const opsPages = (fs.readdirSync("app/ops", { recursive: true }) as string[])
  .filter((file) => file.endsWith(".tsx"))
  .map((file) => ({ file, source: fs.readFileSync(path.join("app/ops", file), "utf8") }));

describe("operations pages' words", () => {
  it("print no country code: a code shown alone or in a joined list goes through countryName", () => {
    const printed = [
      /\{\s*[\w.?]+\.countryCode\s*\}/, // {supplier.countryCode}
      /[[,]\s*[\w.?]+\.countryCode\s*[,\]]/, // [company.city, company.countryCode]
    ];
    const offenders = opsPages.filter(({ source }) => printed.some((pattern) => pattern.test(source)));
    expect(offenders.map(({ file }) => file)).toEqual([]);
  });

  it("show a held payout's reason in the words for operations, not the partner's stored sentence", () => {
    const offenders = opsPages.filter(({ source }) =>
      source
        .split("\n")
        .some((line) => line.includes("payout.heldReason") && !line.includes("payoutHeldReasonForOperations")),
    );
    expect(offenders.map(({ file }) => file)).toEqual([]);
  });

  it("tell operations about a partner without a VAT ID in sentences about the partner, with country names", () => {
    const markup = renderToStaticMarkup(
      createElement(TaxFacts, {
        company: {
          name: "Rossi Fresatura",
          countryCode: "IT",
          addressLine: "Via Milano 4",
          postalCode: "25121",
          city: "Brescia",
          vatNumber: "FR40303265045",
          vatIdStatus: null,
          vatIdConfirmedAt: null,
          taxNumber: null,
          smallBusiness: false,
        },
      }),
    );
    expect(markup).toMatch(/payouts wait: [^<]*the partner/);
    expect(markup).toContain("issued in France, the address is in Italy");
    expect(markup).not.toMatch(/Profile →|\byour\b/i);
  });

  it("name the VAT ID's holder from VIES, and say so when it is another business (decision 0122)", () => {
    const facts = (viesTraderName: string) =>
      renderToStaticMarkup(
        createElement(TaxFacts, {
          company: {
            name: "Rossi Fresatura",
            countryCode: "IT",
            addressLine: "Via Milano 4",
            postalCode: "25121",
            city: "Brescia",
            vatNumber: "IT00743110157",
            vatIdStatus: "CONFIRMED",
            vatIdConfirmedAt: new Date("2026-12-01T10:00:00Z"),
            taxNumber: null,
            smallBusiness: false,
          },
          viesTraderName,
        }),
      );
    expect(facts("ROSSI FRESATURA S.R.L.")).toContain("registered to ROSSI FRESATURA S.R.L.</span>");
    expect(facts("BIANCHI COSTRUZIONI S.P.A.")).toContain(
      "<strong data-testid=\"vies-holder\">registered to BIANCHI COSTRUZIONI S.P.A., not Rossi Fresatura: check that the VAT ID is the partner&#x27;s before payouts",
    );
  });
});

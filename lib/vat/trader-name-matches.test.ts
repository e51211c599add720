// VIES's holder name against the name a company gave (decision 0122).
import { describe, expect, it } from "vitest";
import { traderNameMatches } from "./trader-name-matches";

describe("the VAT ID holder's name against the company's", () => {
  it.each([
    ["Präzisionsteile Müller GmbH", "MUELLER PRAEZISIONSTEILE GMBH"],
    ["Rossi Fresatura", "ROSSI FRESATURA S.R.L."],
    ["Kowalski CNC", "KOWALSKI CNC SPÓŁKA Z O.O."],
    ["Dupont Usinage", "SARL DUPONT USINAGE"],
    ["Acme", "ACME B.V."],
  ])("%s is %s", (company, trader) => {
    expect(traderNameMatches(company, trader)).toBe(true);
  });

  it.each([
    ["Präzisionsteile Müller GmbH", "SCHMIDT METALLBAU GMBH"],
    ["Rossi Fresatura", "BIANCHI COSTRUZIONI S.P.A."],
    ["Kowalski CNC", "NOWAK SP. Z O.O."],
  ])("%s is not %s", (company, trader) => {
    expect(traderNameMatches(company, trader)).toBe(false);
  });

  it("has nothing to compare where VIES withholds the name", () => {
    expect(traderNameMatches("Präzisionsteile Müller GmbH", null)).toBe(true);
    expect(traderNameMatches("Präzisionsteile Müller GmbH", "---")).toBe(true);
  });
});

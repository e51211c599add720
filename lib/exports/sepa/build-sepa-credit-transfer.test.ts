import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSepaCreditTransfer, sepaText, type SepaTransfer } from "./build-sepa-credit-transfer";

/**
 * The pain.001.001.09 schema is ISO 20022's (iso20022.org message catalogue), as kept in the sepa
 * library's own repository (github.com/kewisch/sepa.js, schema/pain.001.001.09.xsd, commit 411de2f,
 * 2024-07-22); tests/fixtures/sepa/README.md records it. The validator is xmllint-wasm: libxml2's
 * xmllint compiled to WebAssembly, an npm package, so the check needs no system tool.
 */
const xsd = readFileSync("tests/fixtures/sepa/pain.001.001.09.xsd", "utf8");

async function validate(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const { validateXML } = await import("xmllint-wasm");
  const result = await validateXML({
    xml: { fileName: "payouts.xml", contents: xml },
    schema: { fileName: "pain.001.001.09.xsd", contents: xsd },
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}

const debtor = {
  name: "Instant Quote GmbH",
  iban: "DE89370400440532013000",
  bic: "COBADEFFXXX",
  messageId: "IQ-PAYOUTS-20261206103000",
  createdAt: new Date("2026-12-06T10:30:00Z"),
  executionDate: "2026-12-07",
};

const transfers: SepaTransfer[] = [
  {
    creditorName: "Müller CNC-Fertigung GmbH & Co. KG",
    creditorIban: "DE02120300000000202051",
    creditorBic: "BYLADEM1001",
    amountCents: 83_300,
    endToEndId: "SB-2026-000011",
    remittance: "Gutschrift SB-2026-000011 Auftrag Q-2026-000123",
  },
  {
    creditorName: "Nowak Laser Sp. z o.o. – Łódź",
    creditorIban: "PL61109010140000071219812874",
    creditorBic: null,
    amountCents: 1_005,
    endToEndId: "SB-2026-000012",
    remittance: "Gutschrift SB-2026-000012 Auftrag Q-2026-000124",
  },
];

describe("the SEPA credit-transfer file of partner payouts", () => {
  it("validates against ISO 20022's pain.001.001.09 schema", async () => {
    const result = await validate(buildSepaCreditTransfer(debtor, transfers));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  }, 60_000);

  it("is refused by the schema check when a required element is missing (the check can fail)", async () => {
    const xml = buildSepaCreditTransfer(debtor, transfers).replace(/<DbtrAcct>[\s\S]*?<\/DbtrAcct>/, "");
    const result = await validate(xml);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/DbtrAgt|DbtrAcct/);
  }, 60_000);

  it("states the number of transfers and their sum in the group header, amounts in euros with two decimals", () => {
    const xml = buildSepaCreditTransfer(debtor, transfers);
    expect(xml).toContain("<NbOfTxs>2</NbOfTxs>");
    expect(xml).toContain("<CtrlSum>843.05</CtrlSum>");
    expect(xml).toContain('<InstdAmt Ccy="EUR">10.05</InstdAmt>');
    expect(xml).toContain("<EndToEndId>SB-2026-000011</EndToEndId>");
    expect(xml).toContain("<ReqdExctnDt><Dt>2026-12-07</Dt></ReqdExctnDt>");
    expect(xml).toContain("<BtchBookg>true</BtchBookg>");
  });

  it("writes names in SEPA's character set", () => {
    expect(sepaText("Müller CNC-Fertigung GmbH & Co. KG", 70)).toBe("Mueller CNC-Fertigung GmbH Co. KG");
    expect(sepaText("Nowak Laser Sp. z o.o. – Łódź", 70)).toBe("Nowak Laser Sp. z o.o. Lodz");
  });
});

import { describe, expect, it } from "vitest";
import { companyAddressSchema } from "../addresses/address-book-fields";
import { companyNameSchema, personNameSchema } from "../companies/account-fields";
import { addressSchema } from "../orders/checkout-fields";
import { goodsInAddress } from "../../tests/fixtures/goods-in-address";
import { isSingleLineText } from "./is-single-line-text";

// Walk 7: a buyer could name the company "Acme Robotics \u202eHbmG" or put a line break into a shipping
// address; operations' lists, the partner's job page, the CSV exports and the PDFs showed them as typed.
const spoofs = [
  "Acme \u202eHbmG",
  "Anna\nBcc: all@acme.example",
  "Tab\tbed",
  "Isolate \u2067x\u2069",
  "NUL\u0000",
];
const address = goodsInAddress;

describe("single-line text", () => {
  it("keeps names in any script", () => {
    for (const text of [
      "Präzisionsteile Müller GmbH",
      "Nowak Toczenie Sp. z o.o.",
      "מפעל חיפה",
      "شركة",
      "零件 株式会社",
    ])
      expect(isSingleLineText(text), text).toBe(true);
  });

  it("refuses control and direction characters in the names and addresses others are shown", () => {
    for (const spoof of spoofs) {
      expect(personNameSchema.safeParse(spoof).success, JSON.stringify(spoof)).toBe(false);
      expect(companyNameSchema.safeParse(spoof).success, JSON.stringify(spoof)).toBe(false);
      for (const field of ["name", "line", "city"] as const)
        expect(addressSchema.safeParse({ ...address, [field]: `${address[field]} ${spoof}` }).success).toBe(
          false,
        );
      expect(
        companyAddressSchema.safeParse({ ...address, kind: "SHIPPING", label: `Dock ${spoof}` }).success,
      ).toBe(false);
    }
    const refusal = personNameSchema.safeParse("Acme \u202eHbmG").error?.issues[0]?.message;
    expect(refusal).toMatch(/cannot hold line breaks, tabs or direction marks/);
    expect(addressSchema.safeParse(address).success).toBe(true);
  });
});

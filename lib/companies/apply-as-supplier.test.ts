import { describe, expect, it } from "vitest";
import { supplierApplicationSchema } from "./apply-as-supplier";

const application = {
  companyName: "Müller CNC GmbH",
  countryCode: "DE",
  city: "Stuttgart",
  processes: ["CNC_MILLING"],
  references: "Housings for a robot maker since 2019.",
  name: "Jonas Müller",
  email: "jonas@mueller-cnc.example",
  password: "long-enough-pw",
};

describe("a partner's application tidies what people type, then checks it", () => {
  it('takes "de 812 345 673" as DE812345673 and "mueller-cnc.example" as https://mueller-cnc.example', () => {
    const parsed = supplierApplicationSchema.parse({
      ...application,
      vatNumber: " de 812.345-673 ",
      website: "mueller-cnc.example",
    });
    expect(parsed.vatNumber).toBe("DE812345673");
    expect(parsed.website).toBe("https://mueller-cnc.example");
    // Stored with the pending registration and parsed again when the link is followed: the same result.
    expect(supplierApplicationSchema.parse(parsed)).toEqual(parsed);
  });

  it("keeps a typed scheme and path, and leaves empty fields empty", () => {
    expect(
      supplierApplicationSchema.parse({ ...application, website: "HTTP://www.mueller-cnc.example/en" })
        .website,
    ).toBe("HTTP://www.mueller-cnc.example/en");
    expect(supplierApplicationSchema.parse({ ...application, vatNumber: "  ", website: "" })).toMatchObject({
      vatNumber: "",
      website: "",
    });
  });

  it("refuses what tidying cannot make right, naming the tidied value", () => {
    const result = supplierApplicationSchema.safeParse({
      ...application,
      vatNumber: "de 123 456 789",
      website: "mueller cnc",
    });
    expect(Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]))).toEqual({
      vatNumber: expect.stringMatching(
        /^DE123456789 is not a valid German VAT ID: its check digit does not match/,
      ),
      website: "Enter your website's address, e.g. www.example.com, or leave the field empty.",
    });
    expect(
      supplierApplicationSchema.safeParse({ ...application, website: "ftp://files.example" }).success,
    ).toBe(false);
    expect(supplierApplicationSchema.safeParse({ ...application, website: "localhost" }).success).toBe(false);
  });
});

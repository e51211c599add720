import { describe, expect, it } from "vitest";
import { carrierCodes, normalizeTrackingNumber, trackingNumberProblem, trackingUrlFor } from "./carriers";

describe("carriers", () => {
  it("links every carrier but 'other' to its tracking page with the number in it", () => {
    for (const code of carrierCodes) {
      const url = trackingUrlFor(code, "ABC123456");
      if (code === "OTHER") expect(url).toBeNull();
      else expect(url).toMatch(/^https:\/\/[^ ]+ABC123456/);
    }
    expect(trackingUrlFor("UPS", "1Z999AA10123456784")).toBe(
      "https://www.ups.com/track?loc=en_DE&tracknum=1Z999AA10123456784",
    );
    expect(trackingUrlFor("Some courier", "X1")).toBeNull();
  });

  it("checks UPS numbers by structure and check digit", () => {
    expect(trackingNumberProblem("UPS", "1Z999AA10123456784")).toBeNull();
    expect(trackingNumberProblem("UPS", "1Z879E930346834440")).toBeNull();
    expect(trackingNumberProblem("UPS", "1Z999AA10123456785")).toMatch(/check digit/);
    expect(trackingNumberProblem("UPS", "JJD0001234567")).toMatch(/not a UPS tracking number/);
  });

  it("checks FedEx, DPD, InPost and PostNL formats and only characters for the others", () => {
    expect(trackingNumberProblem("FEDEX", "123456789012")).toBeNull();
    expect(trackingNumberProblem("FEDEX", "12345678901")).toMatch(/12, 15, 20 or 22 digits/);
    expect(trackingNumberProblem("DPD", "01234567890123")).toBeNull();
    expect(trackingNumberProblem("DPD", "0123456789")).toMatch(/14 digits/);
    expect(trackingNumberProblem("INPOST", "6".repeat(24))).toBeNull();
    expect(trackingNumberProblem("INPOST", "6".repeat(23))).toMatch(/24 digits/);
    expect(trackingNumberProblem("POSTNL", "3SABCD1234567")).toBeNull();
    expect(trackingNumberProblem("POSTNL", "RR123456785NL")).toBeNull();
    expect(trackingNumberProblem("POSTNL", "12345")).toMatch(/PostNL/);
    expect(trackingNumberProblem("DHL", "JJD0001234567")).toBeNull();
    expect(trackingNumberProblem("GLS", "ab")).toMatch(/6 to 40 letters and digits/);
  });

  it("reads numbers as printed on labels", () => {
    expect(normalizeTrackingNumber(" 1z 999 aa1-0123456784 ")).toBe("1Z999AA10123456784");
  });
});

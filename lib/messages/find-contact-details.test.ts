import { describe, expect, it } from "vitest";
import { findContactDetails } from "./find-contact-details";

describe("findContactDetails", () => {
  it.each([
    ["Write to me at lars@acme.example please", "an e-mail address"],
    ["lars (at) acme (dot) de", "an e-mail address"],
    ["lars[at]acme.de", "an e-mail address"],
    ["Call +49 30 1234567", "a phone number"],
    ["call 030/123 45 67 tomorrow", "a phone number"],
    ["0049 (0)89 1234-5678", "a phone number"],
  ])("refuses %j as %s", (text, what) => {
    expect(findContactDetails(text)).toBe(what);
  });

  it.each([
    "The bore is 12.00 mm ± 0.05; we ship on 18.12.2026.",
    "Order Q-2026-000123, 250 pieces, due 2026-12-18.",
    "Tolerance ISO 2768-mK, Ra 1.6, 3 setups",
  ])("lets through %j", (text) => {
    expect(findContactDetails(text)).toBeNull();
  });

  it("refuses the other side's people by full or family name, in any case, not inside other words", () => {
    const names = ["Anna Becker", "Ben Li"];
    expect(findContactDetails("Please ask anna becker about the thread", names)).toBe(
      'the name "Anna Becker"',
    );
    expect(findContactDetails("Frau Becker said so", names)).toBe('the name "Becker"');
    // "Li" is too short to stand alone: "Lithium" and "li" in words pass.
    expect(findContactDetails("Lithium grease is fine", names)).toBeNull();
    expect(findContactDetails("Ask Ben Li", names)).toBe('the name "Ben Li"');
  });
});

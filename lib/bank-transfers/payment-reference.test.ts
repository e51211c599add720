import { describe, expect, it } from "vitest";
import {
  creditorReference,
  findPaymentReferences,
  formatPaymentReference,
  isValidCreditorReference,
  paymentReferenceFor,
} from "./payment-reference";

describe("payment references (ISO 11649 creditor references)", () => {
  it("matches the standard's own example", () => {
    // ISO 11649's example: body 539007547034 → RF18 5390 0754 7034.
    expect(creditorReference("539007547034")).toBe("RF18539007547034");
    expect(isValidCreditorReference("RF18539007547034")).toBe(true);
  });

  it("derives a short, digits-only reference from the order number, unique per order", () => {
    const reference = paymentReferenceFor("Q-2026-000123");
    expect(reference).toMatch(/^RF\d{2}2026000123$/);
    expect(reference.length).toBeLessThanOrEqual(16);
    expect(isValidCreditorReference(reference)).toBe(true);
    expect(paymentReferenceFor("Q-2026-000124")).not.toBe(reference);
    expect(formatPaymentReference(reference)).toBe(`${reference.slice(0, 4)} 2026 0001 23`);
  });

  it("refuses every single wrong digit and every swap of neighbours", () => {
    const reference = paymentReferenceFor("Q-2026-004711");
    for (let index = 2; index < reference.length; index++) {
      for (const digit of "0123456789") {
        if (digit === reference[index]) continue;
        const typo = reference.slice(0, index) + digit + reference.slice(index + 1);
        expect(isValidCreditorReference(typo)).toBe(false);
      }
      if (index + 1 < reference.length && reference[index] !== reference[index + 1]) {
        const swapped =
          reference.slice(0, index) + reference[index + 1] + reference[index] + reference.slice(index + 2);
        expect(isValidCreditorReference(swapped)).toBe(false);
      }
    }
  });

  it("finds the reference in what buyers and banks write around it", () => {
    const reference = paymentReferenceFor("Q-2026-000123");
    const printed = formatPaymentReference(reference);
    for (const text of [
      printed,
      printed.toLowerCase(),
      `Bestellung ${printed} vielen Dank`,
      `SVWZ+${reference} EREF+NOTPROVIDED`,
      `${printed.replace(/ /g, "-")}`,
      "Auftrag Q-2026-000123",
      "order q 2026 000123 thanks",
    ])
      expect(findPaymentReferences(text), text).toContain(reference);
  });

  it("finds nothing in text without a reference whose check digits agree", () => {
    expect(findPaymentReferences("Miete Dezember")).toEqual([]);
    expect(findPaymentReferences("RF00 2026 0001 23")).toEqual([]);
    expect(findPaymentReferences("Referenz RF wie besprochen")).toEqual([]);
  });
});

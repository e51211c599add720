import { describe, expect, it } from "vitest";
import { EnvironmentError, parseEnvironment } from "../env";

const base = { AUTH_SECRET: "x".repeat(32) };

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnvironment({ ...base, ...source });
  } catch (error) {
    if (error instanceof EnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe("the platform's bank account in the environment", () => {
  it("starts with the demo account when nothing is set", () => {
    const env = parseEnvironment(base);
    expect(env.PLATFORM_IBAN).toBe("DE89370400440532013000");
    expect(env.PLATFORM_BIC).toBe("COBADEFFXXX");
    expect(env.PLATFORM_BANK_NAME).toBe("Demo Bank");
  });

  it("takes an IBAN as people write it and keeps its electronic form", () => {
    const env = parseEnvironment({
      ...base,
      PLATFORM_IBAN: "de02 1203 0000 0000 2020 51",
      PLATFORM_BIC: "byla dem1 001",
      PLATFORM_BANK_NAME: "Deutsche Kreditbank",
    });
    expect(env.PLATFORM_IBAN).toBe("DE02120300000000202051");
    expect(env.PLATFORM_BIC).toBe("BYLADEM1001");
  });

  it("stops the start naming the variable that is wrong", () => {
    expect(problemsOf({ PLATFORM_IBAN: "DE89370400440532013001" })).toEqual([
      expect.stringMatching(/^PLATFORM_IBAN must be a valid IBAN/),
    ]);
    expect(problemsOf({ PLATFORM_IBAN: "DE8937040044053201300" })).toEqual([
      expect.stringMatching(/^PLATFORM_IBAN must be a valid IBAN/),
    ]);
    expect(problemsOf({ PLATFORM_BIC: "COBADE" })).toEqual([
      expect.stringMatching(/^PLATFORM_BIC must be a valid BIC/),
    ]);
    expect(problemsOf({ PLATFORM_BANK_NAME: " " })).toEqual([
      expect.stringMatching(/^PLATFORM_BANK_NAME must name the bank/),
    ]);
    // Brazil has IBANs but is outside SEPA: buyers could not pay into it by SEPA transfer.
    expect(problemsOf({ PLATFORM_IBAN: "BR1800360305000010009795493C1" })).toEqual([
      expect.stringMatching(/^PLATFORM_IBAN must be the IBAN of an account in the SEPA area/),
    ]);
  });
});

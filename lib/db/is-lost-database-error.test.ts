import { describe, expect, it } from "vitest";
import { isLostDatabaseError } from "./is-lost-database-error";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isLostDatabaseError", () => {
  it("knows the database going away: a killed postmaster, a refused or reset socket, an ended pool client", () => {
    expect(
      isLostDatabaseError(withCode("terminating connection due to unexpected postmaster exit", "57P01")),
    ).toBe(true);
    expect(isLostDatabaseError(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
    expect(isLostDatabaseError(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("leaves a wrong query or a program error alone", () => {
    expect(isLostDatabaseError(withCode('relation "nope" does not exist', "42P01"))).toBe(false);
    expect(isLostDatabaseError(withCode("duplicate key value violates unique constraint", "23505"))).toBe(
      false,
    );
    expect(isLostDatabaseError(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isLostDatabaseError("57P01")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password-hash";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const passwordHash = await hashPassword("correct horse battery");
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(passwordHash, "correct horse battery!")).toBe(false);
  });

  it("salts every hash, so equal passwords hash differently", async () => {
    expect(await hashPassword("same-password-1")).not.toBe(await hashPassword("same-password-1"));
  });

  it("answers false instead of throwing for a malformed stored hash", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});

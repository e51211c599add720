import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "./has-session-cookie";

describe("hasSessionCookie", () => {
  it("finds Auth.js's session cookie, plain, secure or in chunks", () => {
    expect(hasSessionCookie([{ name: "authjs.session-token", value: "eyJ" }])).toBe(true);
    expect(hasSessionCookie([{ name: "__Secure-authjs.session-token", value: "eyJ" }])).toBe(true);
    expect(
      hasSessionCookie([
        { name: "iq_visitor", value: "x".repeat(43) },
        { name: "authjs.session-token.0", value: "eyJ" },
      ]),
    ).toBe(true);
  });

  it("sees none for a visitor, other cookies or an emptied session cookie", () => {
    expect(hasSessionCookie([])).toBe(false);
    expect(hasSessionCookie([{ name: "iq_visitor", value: "x".repeat(43) }])).toBe(false);
    expect(hasSessionCookie([{ name: "authjs.csrf-token", value: "abc" }])).toBe(false);
    expect(hasSessionCookie([{ name: "authjs.session-token", value: "" }])).toBe(false);
  });
});

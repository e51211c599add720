import { describe, expect, it } from "vitest";
import { quotaAddressKey } from "./quota-address-key";

describe("quotaAddressKey", () => {
  it("counts IPv6 addresses by their /64, so rotating within one subscriber's prefix does not escape", () => {
    expect(quotaAddressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(quotaAddressKey("2001:0db8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(quotaAddressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(quotaAddressKey("::1")).toBe("0:0:0:0::/64");
  });

  it("keeps IPv4 addresses, unwraps IPv4-mapped ones, and leaves other text alone", () => {
    expect(quotaAddressKey("203.0.113.9")).toBe("203.0.113.9");
    expect(quotaAddressKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(quotaAddressKey("unknown")).toBe("unknown");
  });
});

import { describe, expect, it } from "vitest";
import { clientAddressForConnection } from "./client-address-for-connection";

describe("clientAddressForConnection", () => {
  it("ignores X-Forwarded-For without trusted proxies: the socket's address, which nobody can forge", () => {
    expect(
      clientAddressForConnection({ remoteAddress: "203.0.113.7", forwardedFor: "198.51.100.1" }, 0),
    ).toBe("203.0.113.7");
  });

  it("takes the entry the one trusted proxy appended, not what the client wrote before it", () => {
    expect(
      clientAddressForConnection(
        { remoteAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.9, 203.0.113.7" },
        1,
      ),
    ).toBe("203.0.113.7");
  });

  it("counts several trusted proxies from the right, across repeated headers", () => {
    expect(
      clientAddressForConnection(
        { remoteAddress: "10.0.0.2", forwardedFor: ["1.2.3.4, 203.0.113.7", "10.0.0.1"] },
        2,
      ),
    ).toBe("203.0.113.7");
  });

  it("takes the leftmost entry when the proxies appended fewer entries than configured", () => {
    expect(clientAddressForConnection({ remoteAddress: "10.0.0.2", forwardedFor: "203.0.113.7" }, 3)).toBe(
      "203.0.113.7",
    );
  });

  it("falls back to the socket for a missing header or an entry that is not an address", () => {
    expect(clientAddressForConnection({ remoteAddress: "10.0.0.2", forwardedFor: undefined }, 1)).toBe(
      "10.0.0.2",
    );
    expect(clientAddressForConnection({ remoteAddress: "10.0.0.2", forwardedFor: "evil, <script>" }, 1)).toBe(
      "10.0.0.2",
    );
  });

  it("writes IPv4-mapped IPv6 socket addresses as IPv4 and keeps IPv6", () => {
    expect(
      clientAddressForConnection({ remoteAddress: "::ffff:127.0.0.1", forwardedFor: undefined }, 0),
    ).toBe("127.0.0.1");
    expect(clientAddressForConnection({ remoteAddress: "2001:db8::1", forwardedFor: undefined }, 0)).toBe(
      "2001:db8::1",
    );
  });
});

import { describe, expect, it } from "vitest";
import { deviceCookieName, deviceIdFromCookie, newDeviceCookie } from "./device-cookie";

const secret = "a-secret-of-at-least-thirty-two-characters";

describe("device cookie", () => {
  it("gives back the device id of a cookie signed for this e-mail", () => {
    const { deviceId, value } = newDeviceCookie("eva@test.example", secret);
    expect(deviceIdFromCookie("eva@test.example", value, secret)).toBe(deviceId);
  });

  it("refuses a cookie for another e-mail, with another secret, altered or missing", () => {
    const { deviceId, value } = newDeviceCookie("eva@test.example", secret);
    expect(deviceIdFromCookie("max@test.example", value, secret)).toBeUndefined();
    expect(deviceIdFromCookie("eva@test.example", value, `${secret}x`)).toBeUndefined();
    expect(deviceIdFromCookie("eva@test.example", `x${value}`, secret)).toBeUndefined();
    expect(deviceIdFromCookie("eva@test.example", `${deviceId}.`, secret)).toBeUndefined();
    expect(deviceIdFromCookie("eva@test.example", undefined, secret)).toBeUndefined();
  });

  it("names the cookie per e-mail without showing the address", () => {
    expect(deviceCookieName("eva@test.example")).not.toContain("eva");
    expect(deviceCookieName("eva@test.example")).not.toBe(deviceCookieName("max@test.example"));
  });
});

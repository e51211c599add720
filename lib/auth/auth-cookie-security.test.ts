import { Auth } from "@auth/core";
import { describe, expect, it } from "vitest";
import { authCookieSecurity } from "./auth-cookie-security";

/** The Set-Cookie lines Auth.js answers the CSRF endpoint with, reached over plain http as behind a proxy. */
async function csrfCookies(appUrl: string | undefined): Promise<string[]> {
  const response = await Auth(new Request("http://app.internal:3000/api/auth/csrf"), {
    secret: "a-secret-for-this-test-a-secret-for-this-test",
    trustHost: true,
    basePath: "/api/auth",
    providers: [],
    ...authCookieSecurity(appUrl),
  });
  return response.headers.getSetCookie();
}

describe("Auth.js's cookies behind a TLS proxy that sends no X-Forwarded-Proto", () => {
  it("are Secure, with the __Host- name, when the public address is https", async () => {
    const [csrf] = await csrfCookies("https://quotes.example");
    expect(csrf).toMatch(/^__Host-authjs\.csrf-token=/);
    expect(csrf).toMatch(/; Secure/);
  });

  it("stay as Auth.js makes them for the request when the public address is http or unset", async () => {
    for (const appUrl of ["http://localhost:3000", undefined]) {
      const [csrf] = await csrfCookies(appUrl);
      expect(csrf).toMatch(/^authjs\.csrf-token=/);
      expect(csrf).not.toMatch(/; Secure/);
    }
  });
});

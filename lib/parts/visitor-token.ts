import { randomBytes } from "node:crypto";

/** The cookie that ties a visitor's uploads to the browser until the visitor signs up. */
export const visitorCookieName = "iq_visitor";
export const visitorTokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The visitor token from a request's cookies, when it has a well-formed one. */
export function visitorTokenFrom(request: Request): string | undefined {
  const cookies = request.headers.get("cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === visitorCookieName) {
      const token = value.join("=");
      return visitorTokenPattern.test(token) ? token : undefined;
    }
  }
  return undefined;
}

export function newVisitorToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Set-Cookie value: 30 days, not readable by scripts, sent on same-site navigation. */
export function visitorCookie(token: string, secure: boolean): string {
  return `${visitorCookieName}=${token}; Path=/; Max-Age=${30 * 24 * 3600}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

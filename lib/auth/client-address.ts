/** The client's address as the first proxy saw it, or "unknown" when nothing tells. */
export function clientAddressFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

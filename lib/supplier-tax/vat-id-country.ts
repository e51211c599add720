/** VAT ID prefixes that are not the country's ISO code. */
const isoCodeOfPrefix: Record<string, string> = { EL: "GR", XI: "GB", CHE: "CH" };

/**
 * The country (ISO 3166 code) that issued a VAT ID, from its prefix ("DE123…" → DE, "EL…" → GR, "XI…" →
 * GB, "CHE-…" → CH), or null when it has none. A partner may have a VAT ID of another country than its
 * address (a registration where it has a fixed establishment): allowed, but operations should see it.
 */
export function vatIdCountry(vatNumber: string): string | null {
  const compact = vatNumber.replace(/[\s.-]/g, "").toUpperCase();
  if (compact.startsWith("CHE")) return "CH";
  const prefix = /^[A-Z]{2}/.exec(compact)?.[0];
  if (!prefix) return null;
  return isoCodeOfPrefix[prefix] ?? prefix;
}

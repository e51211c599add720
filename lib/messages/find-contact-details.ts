/**
 * What in a message would put the buyer and the partner in touch around the platform: e-mail addresses
 * (also written "name (at) firm (dot) de"), phone numbers (8 to 15 digits, with +, spaces, dashes, dots,
 * slashes or brackets; dates and order numbers are not phone numbers), and the names of the other
 * side's people. Returns a reader's description of the first finding, or null. Pure, so it is tested
 * case by case (find-contact-details.test.ts).
 */
export function findContactDetails(text: string, otherSideNames: readonly string[] = []): string | null {
  if (/[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[a-z]{2,}/i.test(text)) return "an e-mail address";
  if (/\w\s*[([]\s*at\s*[)\]]\s*\w+\s*([([]\s*dot\s*[)\]]|\.)\s*[a-z]{2,}/i.test(text))
    return "an e-mail address";
  const withoutKnownNumbers = text
    // Order numbers (Q-2026-000123), ISO dates and day.month.year dates carry many digits, harmlessly.
    .replace(/\b[A-Z]{1,3}-\d{4}-\d{3,}\b/g, " ")
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, " ")
    .replace(/\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/g, " ");
  for (const candidate of withoutKnownNumbers.match(/\+?\(?\d[\d\s().\/-]{5,}\d/g) ?? []) {
    const digits = candidate.replace(/\D/g, "").length;
    if (digits >= 8 && digits <= 15) return "a phone number";
  }
  const lower = text.toLocaleLowerCase("de");
  for (const name of otherSideNames) {
    const words = name.trim().split(/\s+/).filter(Boolean);
    // The full name, and the family name when it is long enough not to be an ordinary word.
    const forms = [
      words.join(" "),
      ...(words.length > 1 && words.at(-1)!.length >= 4 ? [words.at(-1)!] : []),
    ];
    for (const form of forms) {
      const escaped = form.toLocaleLowerCase("de").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      if (new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "u").test(lower)) return `the name "${form}"`;
    }
  }
  return null;
}

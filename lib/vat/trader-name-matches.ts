/**
 * Legal forms and filler words left out when two company names are compared: VIES names the holder as
 * registered ("MUELLER PRAEZISIONSTEILE GMBH"), a partner types its trading name ("Präzisionsteile Müller").
 */
const legalForms = new Set([
  "gmbh",
  "ag",
  "kg",
  "ohg",
  "ug",
  "haftungsbeschrankt",
  "eg",
  "ev",
  "co",
  "und",
  "and",
  "e",
  "k",
  "srl",
  "spa",
  "sas",
  "sa",
  "snc",
  "sarl",
  "eurl",
  "sasu",
  "sl",
  "slu",
  "bv",
  "nv",
  "vof",
  "ltd",
  "limited",
  "plc",
  "llp",
  "sp",
  "spolka",
  "z",
  "oo",
  "zoo",
  "sro",
  "as",
  "oy",
  "ab",
  "aps",
  "kft",
  "doo",
  "ou",
  "the",
  "der",
  "die",
  "das",
  "di",
  "de",
  "la",
  "le",
  "les",
  "del",
  "della",
]);

/** A company name as comparable words: lower case, umlauts spelt out, accents off, legal forms out. */
function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/ł/g, "l")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !legalForms.has(word));
}

/**
 * Whether the holder VIES names for a VAT ID is plausibly the company that entered it: every word of the
 * shorter name (legal forms left out) appears in the other, in any order. A VAT ID of another business
 * would make the invoices' reverse charge wrong; VIES withholds names for some states (Germany, Spain),
 * so a missing name matches (nothing to compare).
 */
export function traderNameMatches(companyName: string, traderName: string | null): boolean {
  if (!traderName) return true;
  const company = nameWords(companyName);
  const trader = nameWords(traderName);
  if (company.length === 0 || trader.length === 0) return true;
  const [shorter, longer] = company.length <= trader.length ? [company, trader] : [trader, company];
  const longerWords = new Set(longer);
  return shorter.every((word) => longerWords.has(word));
}

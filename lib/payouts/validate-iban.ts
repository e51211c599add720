/**
 * IBAN length per country (ISO 13616, SWIFT's IBAN registry), with the adjective the messages use:
 * every SEPA country and the other countries of the registry.
 */
const ibanCountries: Record<string, readonly [length: number, adjective: string]> = {
  AD: [24, "Andorran"],
  AE: [23, "Emirati"],
  AL: [28, "Albanian"],
  AT: [20, "Austrian"],
  AZ: [28, "Azerbaijani"],
  BA: [20, "Bosnian"],
  BE: [16, "Belgian"],
  BG: [22, "Bulgarian"],
  BH: [22, "Bahraini"],
  BI: [27, "Burundian"],
  BR: [29, "Brazilian"],
  BY: [28, "Belarusian"],
  CH: [21, "Swiss"],
  CR: [22, "Costa Rican"],
  CY: [28, "Cypriot"],
  CZ: [24, "Czech"],
  DE: [22, "German"],
  DJ: [27, "Djiboutian"],
  DK: [18, "Danish"],
  DO: [28, "Dominican"],
  EE: [20, "Estonian"],
  EG: [29, "Egyptian"],
  ES: [24, "Spanish"],
  FI: [18, "Finnish"],
  FK: [18, "Falkland Islands"],
  FO: [18, "Faroese"],
  FR: [27, "French"],
  GB: [22, "British"],
  GE: [22, "Georgian"],
  GI: [23, "Gibraltar"],
  GL: [18, "Greenlandic"],
  GR: [27, "Greek"],
  GT: [28, "Guatemalan"],
  HR: [21, "Croatian"],
  HU: [28, "Hungarian"],
  IE: [22, "Irish"],
  IL: [23, "Israeli"],
  IQ: [23, "Iraqi"],
  IS: [26, "Icelandic"],
  IT: [27, "Italian"],
  JO: [30, "Jordanian"],
  KW: [30, "Kuwaiti"],
  KZ: [20, "Kazakh"],
  LB: [28, "Lebanese"],
  LC: [32, "Saint Lucian"],
  LI: [21, "Liechtenstein"],
  LT: [20, "Lithuanian"],
  LU: [20, "Luxembourg"],
  LV: [21, "Latvian"],
  LY: [25, "Libyan"],
  MC: [27, "Monegasque"],
  MD: [24, "Moldovan"],
  ME: [22, "Montenegrin"],
  MK: [19, "North Macedonian"],
  MN: [20, "Mongolian"],
  MR: [27, "Mauritanian"],
  MT: [31, "Maltese"],
  MU: [30, "Mauritian"],
  NI: [28, "Nicaraguan"],
  NL: [18, "Dutch"],
  NO: [15, "Norwegian"],
  OM: [23, "Omani"],
  PK: [24, "Pakistani"],
  PL: [28, "Polish"],
  PS: [29, "Palestinian"],
  PT: [25, "Portuguese"],
  QA: [29, "Qatari"],
  RO: [24, "Romanian"],
  RS: [22, "Serbian"],
  RU: [33, "Russian"],
  SA: [24, "Saudi"],
  SC: [31, "Seychellois"],
  SD: [18, "Sudanese"],
  SE: [24, "Swedish"],
  SI: [19, "Slovenian"],
  SK: [24, "Slovak"],
  SM: [27, "Sammarinese"],
  SO: [23, "Somali"],
  ST: [25, "São Tomé and Príncipe"],
  SV: [28, "Salvadoran"],
  TL: [23, "East Timorese"],
  TN: [24, "Tunisian"],
  TR: [26, "Turkish"],
  UA: [29, "Ukrainian"],
  VA: [22, "Vatican"],
  VG: [24, "British Virgin Islands"],
  XK: [20, "Kosovan"],
  YE: [30, "Yemeni"],
};

export type IbanCheck = { ok: true; iban: string } | { ok: false; message: string };

/** The adjective the messages use for an IBAN country ("German", "Swiss"), or null for an unknown code. */
export function ibanCountryAdjective(countryCode: string): string | null {
  return ibanCountries[countryCode]?.[1] ?? null;
}

/** "A German", "An Italian" ("a Ukrainian": the vowel sound decides, and U starts with a "y"). */
const withArticle = (adjective: string) => `${/^[AEIO]/.test(adjective) ? "An" : "A"} ${adjective}`;

/** ISO 7064 mod 97-10 of the rearranged IBAN, digit by digit so no number outgrows a double. */
function mod97(rearranged: string): number {
  let remainder = 0;
  for (const character of rearranged) {
    const value = parseInt(character, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

/**
 * Checks an IBAN as a person types or pastes it (spaces, lower case and a leading "IBAN" are fine):
 * the country code, the length that country's IBANs have and the mod-97 check digits. Does not check
 * that the account exists. Returns the IBAN in its electronic form (upper case, no spaces), or a
 * message saying what to fix.
 */
export function validateIban(raw: string): IbanCheck {
  const iban = raw
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/^IBAN:?/, "");
  if (iban === "") return { ok: false, message: "Enter the IBAN of the account we pay into." };
  const stray = iban.match(/[^A-Z0-9]/);
  if (stray) return { ok: false, message: `An IBAN has only letters and digits: remove the "${stray[0]}".` };
  const countryCode = iban.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(countryCode))
    return { ok: false, message: "An IBAN starts with its country's two letters, e.g. DE for Germany." };
  const country = ibanCountries[countryCode];
  if (!country)
    return {
      ok: false,
      message: `${countryCode} is not a country with IBANs: check the first two letters.`,
    };
  const [length, adjective] = country;
  if (iban.length !== length)
    return {
      ok: false,
      message: `${withArticle(adjective)} IBAN has ${length} characters; this one has ${iban.length}.`,
    };
  const checkDigits = iban.slice(2, 4);
  if (!/^\d\d$/.test(checkDigits))
    return {
      ok: false,
      message: `The two characters after ${countryCode} are the check digits: they are numbers, e.g. ${countryCode}89.`,
    };
  // 00, 01 and 99 are never issued; 99 would otherwise pass as a twin of 02.
  const checkDigitsInRange = Number(checkDigits) >= 2 && Number(checkDigits) <= 98;
  if (!checkDigitsInRange || mod97(iban.slice(4) + iban.slice(0, 4)) !== 1)
    return { ok: false, message: "The IBAN's check digits do not match: check for a typo." };
  return { ok: true, iban };
}

/** An IBAN in its paper form for people: groups of four, e.g. "DE89 3704 0044 0532 0130 00". */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, "$1 ");
}

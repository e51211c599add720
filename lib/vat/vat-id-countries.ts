import {
  austria,
  belgium,
  bulgaria,
  croatia,
  cyprus,
  czechRepublic,
  denmark,
  estonia,
  finland,
  france,
  germany,
  greece,
  hungary,
  ireland,
  italy,
  latvia,
  lithuania,
  luxembourg,
  malta,
  netherlands,
  norway,
  poland,
  portugal,
  romania,
  slovakiaRepublic,
  slovenia,
  spain,
  sweden,
  switzerland,
  unitedKingdom,
  type Country,
} from "jsvat";

/**
 * Belgium has issued enterprise numbers starting with 1 since the 0-series ran out (2023); jsvat 2.5.4,
 * its newest release, still accepts only 0 (its issue #129, PR #130 unmerged). Same mod-97 check over the
 * first eight digits, with 0 or 1 first.
 */
const belgiumWithOneSeries: Country = {
  ...belgium,
  calcFn: (digits: string) => 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8, 10)),
  rules: { ...belgium.rules, regex: [/^(BE)([01]\d{9})$/] },
};

/**
 * Northern Ireland (XI): under the Windsor Framework a business trading goods with the EU has an XI
 * VAT ID, which VIES confirms: its UK VAT number with XI in front, so the UK check digits. jsvat knows
 * only GB.
 */
const northernIreland: Country = {
  name: "Northern Ireland",
  codes: ["XI", "XI", "826"],
  calcFn: (digits: string) => unitedKingdom.calcFn(digits),
  rules: {
    ...unitedKingdom.rules,
    regex: [/^(XI)(\d{9})$/, /^(XI)(\d{12})$/, /^(XI)(GD\d{3})$/, /^(XI)(HA\d{3})$/],
  },
};

/** How an ID of each prefix looks, for the refusal message: "ATU followed by 8 digits". */
export interface VatIdCountry {
  /** The prefix VIES uses: EL for Greece, XI for Northern Ireland. */
  prefix: string;
  /** The ISO country of the ID's tax office: GR for EL, GB for XI. */
  countryCode: string;
  /** "an Austrian VAT ID". */
  adjective: string;
  format: string;
  /** An EU member state's ID (or XI, which counts as one for goods): VIES can confirm it. */
  viesChecks: boolean;
  jsvat: Country;
}

const eu = (prefix: string, countryCode: string, adjective: string, format: string, jsvat: Country) => ({
  prefix,
  countryCode,
  adjective,
  format,
  viesChecks: true,
  jsvat,
});

/** Every VAT ID the shop takes: the 27 member states, Northern Ireland, and the UK, Switzerland and Norway. */
export const vatIdCountries: readonly VatIdCountry[] = [
  eu("AT", "AT", "Austrian", "ATU followed by 8 digits", austria),
  eu("BE", "BE", "Belgian", "BE followed by 10 digits, the first 0 or 1", belgiumWithOneSeries),
  eu("BG", "BG", "Bulgarian", "BG followed by 9 or 10 digits", bulgaria),
  eu("CY", "CY", "Cypriot", "CY followed by 8 digits and a letter", cyprus),
  eu("CZ", "CZ", "Czech", "CZ followed by 8, 9 or 10 digits", czechRepublic),
  eu("DE", "DE", "German", "DE followed by 9 digits", germany),
  eu("DK", "DK", "Danish", "DK followed by 8 digits", denmark),
  eu("EE", "EE", "Estonian", "EE followed by 9 digits, starting with 10", estonia),
  eu("EL", "GR", "Greek", "EL (not GR) followed by 9 digits", greece),
  eu(
    "ES",
    "ES",
    "Spanish",
    "ES followed by 9 characters: a letter or digit, 7 digits, a letter or digit",
    spain,
  ),
  eu("FI", "FI", "Finnish", "FI followed by 8 digits", finland),
  eu("FR", "FR", "French", "FR followed by 2 letters or digits and 9 digits", france),
  eu("HR", "HR", "Croatian", "HR followed by 11 digits", croatia),
  eu("HU", "HU", "Hungarian", "HU followed by 8 digits", hungary),
  eu("IE", "IE", "Irish", "IE followed by 7 digits and 1 or 2 letters", ireland),
  eu("IT", "IT", "Italian", "IT followed by 11 digits", italy),
  eu("LT", "LT", "Lithuanian", "LT followed by 9 or 12 digits", lithuania),
  eu("LU", "LU", "Luxembourg", "LU followed by 8 digits", luxembourg),
  eu("LV", "LV", "Latvian", "LV followed by 11 digits", latvia),
  eu("MT", "MT", "Maltese", "MT followed by 8 digits", malta),
  eu("NL", "NL", "Dutch", "NL followed by 9 digits, B and 2 digits", netherlands),
  eu("PL", "PL", "Polish", "PL followed by 10 digits", poland),
  eu("PT", "PT", "Portuguese", "PT followed by 9 digits", portugal),
  eu("RO", "RO", "Romanian", "RO followed by 2 to 10 digits", romania),
  eu("SE", "SE", "Swedish", "SE followed by 12 digits, ending in 01", sweden),
  eu("SI", "SI", "Slovenian", "SI followed by 8 digits", slovenia),
  eu("SK", "SK", "Slovak", "SK followed by 10 digits", slovakiaRepublic),
  eu("XI", "GB", "Northern Irish", "XI followed by 9 or 12 digits", northernIreland),
  {
    prefix: "GB",
    countryCode: "GB",
    adjective: "British",
    format: "GB followed by 9 or 12 digits",
    viesChecks: false,
    jsvat: unitedKingdom,
  },
  {
    prefix: "CHE",
    countryCode: "CH",
    adjective: "Swiss",
    format: "CHE followed by 9 digits (MWST, TVA or IVA may follow)",
    viesChecks: false,
    jsvat: switzerland,
  },
  {
    prefix: "NO",
    countryCode: "NO",
    adjective: "Norwegian",
    format: "NO followed by 9 digits (MVA may follow)",
    viesChecks: false,
    jsvat: norway,
  },
];

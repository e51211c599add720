import { parseSteuernummer, validateSteuernummer, type ISO3166_2Codes } from "validate-steuernummer";

/** The German states by their ISO 3166-2 code, as the form offers them for a number in the states' own scheme. */
export const germanStates: Record<ISO3166_2Codes, string> = {
  "DE-BW": "Baden-Württemberg",
  "DE-BY": "Bayern",
  "DE-BE": "Berlin",
  "DE-BB": "Brandenburg",
  "DE-HB": "Bremen",
  "DE-HH": "Hamburg",
  "DE-HE": "Hessen",
  "DE-MV": "Mecklenburg-Vorpommern",
  "DE-NI": "Niedersachsen",
  "DE-NW": "Nordrhein-Westfalen",
  "DE-RP": "Rheinland-Pfalz",
  "DE-SL": "Saarland",
  "DE-SN": "Sachsen",
  "DE-ST": "Sachsen-Anhalt",
  "DE-SH": "Schleswig-Holstein",
  "DE-TH": "Thüringen",
};

export const isGermanState = (code: string): code is ISO3166_2Codes => code in germanStates;

const format =
  "13 digits in ELSTER's form (e.g. 2893081508152), or the number from your tax office's letter (e.g. 93815/08152) with its state";

/** The library's messages are German; ours say what to type (the UI is English). */
const errorMessages = {
  allowedCharactersError: `A tax number has only digits, spaces and slashes: ${format}.`,
  tooShortError: `That tax number is too short: ${format}.`,
  tooLongError: `That tax number is too long: ${format}.`,
  wrongLengthForState: `That tax number has the wrong number of digits for the state chosen: ${format}.`,
  parseError: `That is not a German tax number: ${format}.`,
  missingZeroError: `That tax number misses the 0 after the tax office number: ${format}.`,
  unknownStatePrefixError: `That tax number starts with no state's prefix: ${format}.`,
  unknownFinanzamtError:
    "No German tax office has that number (the first four digits of the 13). Copy it from a letter of your tax office.",
  wrongStateError: "That tax number belongs to another state than the one chosen.",
  bezirksnummerError:
    "That tax number's district part is not one its state issues. Copy it from a letter of your tax office.",
  pruefzifferError: "That tax number's check digit does not match. Copy it from a letter of your tax office.",
  nwInternalConsistencyError:
    "That tax number is not one Nordrhein-Westfalen issues. Copy it from a letter of your tax office.",
  missingStateInformationError: `Choose the state of your tax office: a number in the states' scheme (10 or 11 digits) does not say it. Or type ${format}.`,
};

export type TaxNumberResult = { ok: true; taxNumber: string } | { ok: false; message: string };

/**
 * Checks a German tax number (Steuernummer) with validate-steuernummer against ELSTER's rules (its
 * tax office, district and check digit per state) and gives it in ELSTER's 13-digit form, which names its
 * state and so needs nothing else to be read. `state` is needed only for the states' own 10- or 11-digit
 * scheme ("93815/08152"), which does not say which state issued it.
 */
export function checkTaxNumber(raw: string, state?: string | null): TaxNumberResult {
  const value = raw.trim();
  const options = { errorMessages, ...(state && isGermanState(state) ? { bundesland: state } : {}) };
  const error: unknown = validateSteuernummer(value, options);
  if (typeof error === "string") return { ok: false, message: error };
  try {
    return { ok: true, taxNumber: parseSteuernummer(value, options).normalizedSteuernummer };
  } catch {
    return { ok: false, message: errorMessages.parseError };
  }
}

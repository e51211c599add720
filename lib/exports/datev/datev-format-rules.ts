/**
 * The field rules of DATEV's format description that the export's test checks every line against,
 * written down from the source: DATEV's developer portal, "DATEV-Format" (developer.datev.de/datev/
 * platform/de/dtvf: technical structure), "Formate › Header" (…/dtvf/formate/header) and "Formate ›
 * Buchungsstapel" (…/dtvf/formate/buchungsstapel), each field's "Ausdruck" (the regular expression the
 * portal gives) as listed there, numbered as there (1-based). Test-only data, kept beside the code it
 * describes.
 */
export const datevFileRules = {
  /** "Am Ende jeder Zeile muss ein CR/LF gesetzt werden." */
  lineEnd: "\r\n",
  /** "Alle Datenfelder sind durch ein Semicolon getrennt aufzuzeichnen." */
  separator: ";",
  /** Header line: 31 fields in header version 700. */
  headerFieldCount: 31,
  /** Posting lines of format version 13: 125 fields. */
  bookingFieldCount: 125,
} as const;

/** Header fields (formate/header), position → expression. */
export const datevHeaderRules: Record<number, RegExp> = {
  1: /^["](EXTF|DTVF)["]$/,
  2: /^(700)$/,
  3: /^(16|20|21|46|48|65)$/,
  4: /^["](Buchungsstapel|Wiederkehrende Buchungen|Debitoren\/Kreditoren|Kontenbeschriftungen|Zahlungsbedingungen|Diverse Adressen)["]$/,
  5: /^(2|4|5|13)$/,
  6: /^(\d{17})$/,
  8: /^(["]\w{0,2}["])$/,
  11: /^(\d{4,7})$/,
  12: /^(\d{1,5})$/,
  13: /^(\d{8})$/,
  14: /^(\d{1})$/,
  15: /^(\d{8})$/,
  16: /^(\d{8})$/,
  17: /^(["][\w.\-/ ]{0,30}["])$/,
  19: /^([12])$/,
  21: /^([01])$/,
  22: /^(["][A-Z]{3}["])$/,
  27: /^(["]\d{2}["])$/,
};

/** Posting fields (formate/buchungsstapel), position → expression; an empty field is allowed where optional. */
export const datevBookingRules: Record<number, { expression: RegExp; required: boolean }> = {
  1: { expression: /^\d{1,10}[,]\d{2}$/, required: true },
  2: { expression: /^["](S|H)["]$/, required: true },
  3: { expression: /^["]([A-Z]{3})["]$/, required: false },
  7: { expression: /^(\d{1,9})$/, required: true },
  8: { expression: /^(\d{1,9})$/, required: true },
  9: { expression: /^(["]\d{4}["])$/, required: false },
  10: { expression: /^(\d{4})$/, required: true },
  11: { expression: /^(["][\w$%\-/]{0,36}["])$/, required: false },
  14: { expression: /^(["].{0,60}["])$/, required: false },
  40: { expression: /^(["][A-Z]{2}[\w+*]{1,13}["])$/, required: false },
  95: { expression: /^(["].{0,30}["])$/, required: false },
  117: { expression: /^(\d{8})$/, required: false },
};

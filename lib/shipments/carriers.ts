/**
 * The carriers a partner ships with, their public tracking pages and, where the carrier publishes one
 * fixed structure for all its parcels, the tracking number's format (docs/decisions/0043 says where each
 * comes from). Carriers whose numbers differ per product or country (DHL Paket and Express, GLS, Hermes,
 * Poste Italiane/SDA, BRT, DB Schenker) are checked only for plausible characters and length.
 */
export interface Carrier {
  name: string;
  /** The tracking page with `{number}` where the tracking number goes; null when there is none to link. */
  trackingUrl: string | null;
  /** The one format every tracking number of this carrier has, or null when it is not well defined. */
  format: { pattern: RegExp; description: string; checkDigit?: (number: string) => boolean } | null;
}

export const carrierCodes = [
  "DHL",
  "UPS",
  "DPD",
  "GLS",
  "FEDEX",
  "HERMES",
  "POSTE_ITALIANE",
  "BRT",
  "POSTNL",
  "INPOST",
  "DB_SCHENKER",
  "OTHER",
] as const;

export type CarrierCode = (typeof carrierCodes)[number];

export const carriers: Record<CarrierCode, Carrier> = {
  DHL: {
    name: "DHL",
    trackingUrl: "https://www.dhl.com/de-en/home/tracking/tracking-parcel.html?submit=1&tracking-id={number}",
    format: null,
  },
  UPS: {
    name: "UPS",
    trackingUrl: "https://www.ups.com/track?loc=en_DE&tracknum={number}",
    format: {
      pattern: /^1Z[0-9A-Z]{16}$/,
      description: "1Z followed by 16 letters and digits, e.g. 1Z999AA10123456784",
      checkDigit: upsCheckDigitHolds,
    },
  },
  DPD: {
    name: "DPD",
    trackingUrl: "https://tracking.dpd.de/status/en_US/parcel/{number}",
    format: { pattern: /^\d{14}[0-9A-Z]?$/, description: "14 digits, e.g. 01234567890123" },
  },
  GLS: {
    name: "GLS",
    trackingUrl: "https://gls-group.com/DE/en/parcel-tracking?match={number}",
    format: null,
  },
  FEDEX: {
    name: "FedEx",
    trackingUrl: "https://www.fedex.com/fedextrack/?trknbr={number}",
    format: { pattern: /^(\d{12}|\d{15}|\d{20}|\d{22})$/, description: "12, 15, 20 or 22 digits" },
  },
  HERMES: {
    name: "Hermes",
    trackingUrl: "https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#{number}",
    format: null,
  },
  POSTE_ITALIANE: {
    name: "Poste Italiane / SDA",
    trackingUrl: "https://www.poste.it/cerca/index.html#/risultati-spedizioni/{number}",
    format: null,
  },
  BRT: {
    name: "BRT",
    trackingUrl: "https://vas.brt.it/vas/sped_det_show.hsm?referer=sped_numspe_par.htm&Nspediz={number}",
    format: null,
  },
  POSTNL: {
    name: "PostNL",
    trackingUrl: "https://postnl.nl/tracktrace/?B={number}&T=C",
    format: {
      // Domestic "3S" barcodes, and UPU S10 numbers (two letters, nine digits, country) abroad.
      pattern: /^(3S[A-Z]{4}\d{6,9}|[A-Z]{2}\d{9}[A-Z]{2})$/,
      description:
        "3S, four letters and digits (e.g. 3SABCD1234567), or an international number like RR123456785NL",
    },
  },
  INPOST: {
    name: "InPost",
    trackingUrl: "https://inpost.pl/sledzenie-przesylek?number={number}",
    format: { pattern: /^\d{24}$/, description: "24 digits" },
  },
  DB_SCHENKER: {
    name: "DB Schenker",
    trackingUrl: "https://www.dbschenker.com/app/tracking-public/?refNumber={number}",
    format: null,
  },
  OTHER: { name: "Other carrier", trackingUrl: null, format: null },
};

/** Letters, digits, spaces and dashes as printed on labels; stored without spaces and dashes, upper case. */
export function normalizeTrackingNumber(typed: string): string {
  return typed.replace(/[\s-]+/g, "").toUpperCase();
}

const plausible = /^[A-Z0-9]{6,40}$/;

/**
 * Why a (normalized) tracking number cannot be one of this carrier's, in words the partner can act on, or
 * null when it can be.
 */
export function trackingNumberProblem(code: CarrierCode, number: string): string | null {
  const carrier = carriers[code];
  if (!carrier.format) {
    return plausible.test(number)
      ? null
      : "A tracking number has 6 to 40 letters and digits; copy it from the parcel's label.";
  }
  if (!carrier.format.pattern.test(number))
    return `This is not a ${carrier.name} tracking number: ${carrier.name} numbers are ${carrier.format.description}. Check the label, or choose the carrier that took the parcel.`;
  if (carrier.format.checkDigit && !carrier.format.checkDigit(number))
    return `The last character of this ${carrier.name} tracking number does not match the others (check digit); check the label for a typo.`;
  return null;
}

/** The carrier's public tracking page for this parcel, or null (other carriers, unknown codes of old rows). */
export function trackingUrlFor(code: string, number: string): string | null {
  const carrier = carriers[code as CarrierCode] as Carrier | undefined;
  if (!carrier?.trackingUrl) return null;
  return carrier.trackingUrl.replace("{number}", encodeURIComponent(number));
}

/** The carrier's name for a stored code; shipments recorded before the table keep their typed name. */
export function carrierName(code: string): string {
  return (carriers[code as CarrierCode] as Carrier | undefined)?.name ?? code;
}

/**
 * UPS's check digit over the 15 characters after "1Z" (the account, service and package number): letters
 * count as (char code − 63) mod 10, characters at odd positions once and at even positions twice, and the
 * check digit brings the sum to a multiple of ten.
 */
function upsCheckDigitHolds(number: string): boolean {
  const body = number.slice(2, 17);
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    const value = /\d/.test(char) ? Number(char) : (char.charCodeAt(0) - 63) % 10;
    sum += index % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10 === Number(number[17]);
}

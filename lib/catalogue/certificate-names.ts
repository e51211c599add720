/** Certificates a buyer can ask of the supplier, with their names. */
export const certificateNames = {
  ISO_9001: "ISO 9001 (quality management)",
  ISO_13485: "ISO 13485 (medical devices)",
  AS9100: "AS9100 (aerospace)",
  IATF_16949: "IATF 16949 (automotive)",
  ISO_14001: "ISO 14001 (environment)",
} as const;

/** "ISO 9001", "IATF 16949": the short name that fits a sentence or a table cell. */
export const certificateShortName = (kind: keyof typeof certificateNames | "OTHER"): string =>
  kind === "OTHER" ? "Other certificate" : kind.replaceAll("_", " ");

/** The reasons a supplier can give for rejecting an offer; "other" needs a note. */
export const offerRejectReasons = {
  NO_CAPACITY: "No capacity before the delivery date",
  MATERIAL_UNAVAILABLE: "Material not available in time",
  TOLERANCE_OR_FINISH: "Cannot hold the tolerance or finish",
  GEOMETRY: "The geometry cannot be made as drawn",
  PRICE_TOO_LOW: "The price does not cover our costs",
  MACHINE_DOWN: "Machine breakdown or maintenance",
  OTHER: "Other (please explain)",
} as const;

export type OfferRejectReason = keyof typeof offerRejectReasons;

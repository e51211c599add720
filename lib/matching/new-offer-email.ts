import { formatDeadline } from "../dates/format-deadline";
import { formatIsoDay } from "../dates/format-day";
import { formatEuros } from "../money/format-euros";
import { processLabel } from "../catalogue/catalogue-labels";
import type { LineToPlace } from "./lock-line-to-match";

/** The line as lockLineToMatch reads it: what the e-mail names of the job. */
export type OfferedLine = Pick<LineToPlace, "quantity" | "process" | "materialName" | "part" | "order">;

export interface NewOffer {
  /** The delivery date's ISO day, "2027-01-12". */
  deliveryDay: string;
  supplierPriceCents: number;
  expiresAt: Date;
  /** Who offers it: the matcher, or operations by hand (a re-offer). */
  offeredBy: "matcher" | "operations";
  offerUrl: string;
}

/**
 * The e-mail that offers a partner a job, from the matcher or from operations: names, days people read
 * ("21 Dec 2026") and the answer's deadline in Berlin time with its zone, as the portal shows them.
 */
export function newOfferEmail(line: OfferedLine, offer: NewOffer): { subject: string; text: string } {
  const process = processLabel(line.process);
  const due = formatIsoDay(offer.deliveryDay);
  const who = offer.offeredBy === "operations" ? "Our operations team offers" : "We offer";
  return {
    subject: `New job offer: ${line.quantity} × ${process} in ${line.materialName}, due ${due}`,
    text: [
      `${who} you a job worth ${formatEuros(offer.supplierPriceCents)} on order ${line.order.number}: ${line.quantity} × ${line.part.originalFileName}, ${process}, ${line.materialName}, delivery by ${due}.`,
      `Please accept or reject it by ${formatDeadline(offer.expiresAt)}; after that it goes to another partner.`,
      offer.offerUrl,
    ].join("\n\n"),
  };
}

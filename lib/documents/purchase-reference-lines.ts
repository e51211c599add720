/** The buyer's own references for an order, as checkout stores them on it. */
export interface PurchaseReference {
  purchaseOrderNumber?: string | null;
  costCentre?: string | null;
}

/**
 * The lines every document of an order prints for the buyer's purchase-order number and cost centre
 * (order confirmation, invoice, credit note, pro-forma invoice, quote PDF, e-mails and order pages), so
 * they read the same everywhere; none when the buyer gave neither.
 */
export function purchaseReferenceLines(reference: PurchaseReference | null | undefined): string[] {
  const lines: string[] = [];
  if (reference?.purchaseOrderNumber) lines.push(`Your purchase order: ${reference.purchaseOrderNumber}`);
  if (reference?.costCentre) lines.push(`Cost centre: ${reference.costCentre}`);
  return lines;
}

/** The same lines as a paragraph for an e-mail's text, followed by a blank line; empty when none. */
export function purchaseReferenceParagraph(reference: PurchaseReference | null | undefined): string {
  const lines = purchaseReferenceLines(reference);
  return lines.length ? `${lines.join("\n")}\n\n` : "";
}

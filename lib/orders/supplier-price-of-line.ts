/**
 * What a line's partner is paid: the price of its accepted offer (after a counteroffer, the countered
 * price; a remake at the partner's own cost, 0), as the payout reads it. Before a partner accepted, the
 * line's planned partner total from checkout, which is what the matcher offers at.
 */
export function supplierPriceCentsOf(line: {
  supplierCompanyId: string | null;
  supplierTotalCents: number;
  offers: readonly { supplierCompanyId: string; status: string; supplierPriceCents: number }[];
}): number {
  const accepted = line.offers.find(
    (offer) => offer.status === "ACCEPTED" && offer.supplierCompanyId === line.supplierCompanyId,
  );
  return accepted ? accepted.supplierPriceCents : line.supplierTotalCents;
}

/** The offers supplierPriceCentsOf reads, as a Prisma `select` of an order line's relation. */
export const acceptedOffersSelect = {
  where: { status: "ACCEPTED" },
  select: { supplierCompanyId: true, status: true, supplierPriceCents: true },
} as const;

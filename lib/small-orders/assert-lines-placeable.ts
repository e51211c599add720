import type { ManufacturingProcess } from "../db/generated/enums";
import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { quoteDay } from "../quotes/quote-day";
import { loadCapableSuppliers } from "./load-capable-suppliers";
import { supplierTakes } from "./small-order-check";

/** What checkout knows of each quote in the cart. */
export interface LineToPlace {
  id: string;
  process: ManufacturingProcess;
  material: { code: string };
  totalPriceCents: number;
  supplierTotalCostCents: number;
  partSizeMm: number[];
  part: { originalFileName: string };
}

/**
 * Checkout's last look before an order is accepted: every line must be one a partner who could make it
 * would take (its minimum and maximum order value, and a margin left), as the matcher will judge it. A
 * quote was checked when it was saved, but partners change their order values and get suspended while it
 * waits in a cart. Quotes our engineers priced by hand are theirs to answer for and are not checked.
 */
export async function assertLinesPlaceable(
  tx: TransactionClient,
  lines: readonly LineToPlace[],
  now: Date,
): Promise<void> {
  const answered = await tx.manualQuoteRequest.findMany({
    where: { answeredQuoteId: { in: lines.map((line) => line.id) } },
    select: { answeredQuoteId: true },
  });
  const byHand = new Set(answered.map((request) => request.answeredQuoteId));
  for (const line of lines) {
    if (byHand.has(line.id)) continue;
    const suppliers = await loadCapableSuppliers(tx, {
      process: line.process,
      materialCode: line.material.code,
      partSizeMm: line.partSizeMm,
      today: quoteDay(now),
    });
    const money = { supplierTotalCents: line.supplierTotalCostCents, buyerTotalCents: line.totalPriceCents };
    if (!suppliers.some((supplier) => supplierTakes(supplier, money)))
      throw new AppError(
        "invalid_state_transition",
        `No partner of ours takes ${line.part.originalFileName} at its saved price any more (their order values or availability changed since it was priced). Open the part, check its new price and add it again.`,
      );
  }
}

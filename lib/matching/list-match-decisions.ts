import type { Database } from "../db/prisma";
import type { RecordedCandidate } from "./describe-score-factors";
import type { ScoreParts } from "./score-candidate";

export interface DecisionRecord {
  hoursNeeded: number;
  productionWindow: { firstDay: string; lastDay: string };
  notOfferingProcess: number;
  /** The weights the scores were summed with; absent in decisions made before factors were shown. */
  weights?: Partial<ScoreParts>;
  rankedCount?: number;
  skippedByRule?: Record<string, number>;
  ranked: (RecordedCandidate & {
    rank: number;
    companyId: string;
    name: string;
    score: number;
    /** Before the cut for a supplier flagged for review; absent in decisions made before flags existed. */
    unflaggedScore?: number;
    /** Why the supplier was flagged for review (lib/quality), when it was. */
    flags?: string[];
    distanceKm: number | null;
    supplierPriceCents: number;
    freeHours: number;
    utilisation: number;
  })[];
  skipped: { companyId: string; name: string; rule?: string; reason: string }[];
}

/**
 * For operations: the newest match decisions, with their order line, why the matcher ran, whom it chose
 * and the record of candidates and skips, so anyone can see why an order went where it went.
 */
export async function listMatchDecisions(
  db: Database,
  options: { unmatchedOnly?: boolean; take?: number } = {},
) {
  const decisions = await db.matchDecision.findMany({
    where: options.unmatchedOnly ? { orderLine: { status: "UNMATCHED" } } : {},
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
    include: {
      orderLine: {
        select: {
          id: true,
          status: true,
          quantity: true,
          process: true,
          materialCode: true,
          quote: { select: { material: { select: { name: true } } } },
          deliveryDate: true,
          part: { select: { originalFileName: true } },
          order: { select: { number: true } },
        },
      },
    },
  });
  const chosenIds = [...new Set(decisions.flatMap((decision) => decision.chosenSupplierCompanyId ?? []))];
  const chosen = await db.company.findMany({
    where: { id: { in: chosenIds } },
    select: { id: true, name: true },
  });
  return decisions.map((decision) => ({
    ...decision,
    record: decision.candidates as unknown as DecisionRecord,
    chosenName: chosen.find((company) => company.id === decision.chosenSupplierCompanyId)?.name ?? null,
  }));
}

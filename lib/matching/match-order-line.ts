import type { Prisma } from "../db/generated/client";
import type { ManufacturingProcess } from "../db/generated/enums";
import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { queueEmail } from "../notifications/queue-email";
import { moveOrderLine } from "../orders/change-order-line-status";
import { loadLineCandidates } from "./load-line-candidates";
import { lockSupplierCapacity } from "./lock-supplier-capacity";
import { lockCandidate } from "./lock-candidate";
import { lockLineToMatch } from "./lock-line-to-match";
import { offerDeadline } from "./offer-deadline";
import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import { planCountedCapacity, replanLockedCapacity } from "./replan-locked-capacity";
import { writeOffer } from "./write-offer";
import {
  rankCandidates,
  type LineToMatch,
  type RankedCandidate,
  type SkippedCandidate,
  type SupplierCandidate,
} from "./rank-candidates";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { transactionWithPgClient } from "../db/transaction-pg-client";
import { processLabel } from "../catalogue/catalogue-labels";
import { unmatchedEmailText } from "./unmatched-email-text";
import { newOfferEmail } from "./new-offer-email";

export type MatchOutcome =
  | { kind: "offered"; offerId: string; supplierCompanyId: string; expiresAt: Date }
  | { kind: "unmatched" }
  | { kind: "not-waiting" };

/** How many ranked and how many skipped suppliers a decision record names one by one. */
const decisionDetailLimit = 50;
const matchableOrderStatuses = ["CONFIRMED", "IN_PROGRESS"];
/**
 * Places one order line that waits for a supplier: ranks every supplier offering its process
 * (rank-candidates.ts), offers the line to the best one whose capacity still holds the job, reserves
 * that capacity week by week, and records the decision with every candidate's score or the reason it
 * was skipped. With nobody left the line becomes UNMATCHED and operations get an e-mail.
 *
 * Safe under concurrency: the line is locked first, so one line is matched by one worker at a time; a
 * supplier's capacity row (WeeklyCapacity) is locked before its free hours are counted again and the
 * reservation is written, so two lines can never book the same hours. A line that does not wait for a
 * match (any more) is left alone, so running this twice is harmless.
 */
export async function matchOrderLine(
  db: Database,
  orderLineId: string,
  trigger: string,
  now: Date = new Date(),
): Promise<MatchOutcome> {
  return withTransactionRetry(() =>
    transactionWithPgClient(db, (tx) => matchLockedLine(tx, orderLineId, trigger, now), { timeout: 30_000 }),
  );
}

async function matchLockedLine(
  tx: TransactionClient,
  orderLineId: string,
  trigger: string,
  now: Date,
): Promise<MatchOutcome> {
  const startedAt = performance.now();
  // Committed without waiting for the disk (decision 0083): the jobs that act on a match (e-mail, webhook,
  // expiry) are fetched by commits that wait, and a wait flushes every earlier commit with its own.
  const line = await lockLineToMatch(tx, orderLineId, { commitWithoutWaitingForDisk: true });
  if (!line || line.status !== "AWAITING_MATCH" || !matchableOrderStatuses.includes(line.order.status))
    return { kind: "not-waiting" };

  const { settings, version, closureDays, today, lineToMatch, candidates, notOfferingProcess } =
    await loadLineCandidates(tx, line, now);
  const ranking = rankCandidates(lineToMatch, candidates, settings, today);

  const skipped: SkippedCandidate[] = [...ranking.skipped];
  const baseUrl = appUrl();
  const onProbation = new Set(candidates.filter((entry) => entry.probation).map((entry) => entry.companyId));
  // The record keeps every skip's rule as a count, and the details of the best candidates and of the
  // first skipped ones: with thousands of suppliers a full list would cost more than the match itself.
  const decisionRecord = () => {
    const skippedByRule: Record<string, number> = {};
    for (const entry of skipped) skippedByRule[entry.rule] = (skippedByRule[entry.rule] ?? 0) + 1;
    return {
      hoursNeeded: Math.max(0.1, lineToMatch.estimatedMachineHours),
      productionWindow: ranking.productionWindow,
      notOfferingProcess,
      // The weights the scores were summed with, so the record shows each factor's share (decision 0044).
      weights: settings.weights,
      rankedCount: ranking.ranked.length,
      skippedByRule,
      ranked: ranking.ranked.slice(0, decisionDetailLimit).map((candidate, index) => ({
        rank: index + 1,
        companyId: candidate.companyId,
        name: candidate.name,
        score: candidate.score,
        unflaggedScore: candidate.unflaggedScore,
        flags: candidate.flags.map((flag) => flag.message),
        parts: candidate.parts,
        rates: candidate.rates,
        distanceKm: candidate.distanceKm,
        supplierPriceCents: candidate.supplierPriceCents,
        costIndex: candidate.costIndex,
        freeHours: candidate.capacity.freeHours,
        utilisation: candidate.capacity.utilisation,
      })),
      skipped: skipped.slice(0, decisionDetailLimit),
    };
  };
  /**
   * Offers the line to `candidate` with its hours in `allocations`; with `unlockedCard`, only while the
   * supplier's match card is still that version (the statement locks its capacity first), else null.
   */
  const offerTo = async (
    candidate: RankedCandidate,
    allocations: { weekStart: string; hours: number }[],
    unlockedCard?: { writtenBy: string },
  ): Promise<MatchOutcome | null> => {
    const expiresAt = offerDeadline(now, settings.offerDeadlineWorkingHours, settings.holidays);
    const durationMs = performance.now() - startedAt;
    const written = await writeOffer(tx, {
      orderLineId,
      decision: { record: decisionRecord(), trigger, settingsVersion: version, durationMs },
      supplierCompanyId: candidate.companyId,
      supplierPriceCents: candidate.supplierPriceCents,
      currency: line.currency,
      rank: ranking.ranked.indexOf(candidate) + 1,
      score: candidate.score,
      expiresAt,
      process: line.process,
      allocations,
      note: `Offered to ${candidate.name}`,
      unlockedCard,
      email: (offerId) =>
        newOfferEmail(line, {
          deliveryDay: lineToMatch.deliveryDate,
          supplierPriceCents: candidate.supplierPriceCents,
          expiresAt,
          offeredBy: "matcher",
          offerUrl: `${baseUrl}/supplier/offers/${offerId}`,
        }),
    });
    if (written.cardChanged) return null;
    return { kind: "offered", offerId: written.offerId, supplierCompanyId: candidate.companyId, expiresAt };
  };

  // The first candidate not on probation is offered the line on the capacity its match card showed the
  // ranking, in one statement with its capacity lock (decision 0123); only when its card changed meanwhile
  // are its hours counted again under that lock, as for every candidate after it.
  let offerOnCard = true;
  for (const candidate of ranking.ranked) {
    let allocations: { weekStart: string; hours: number }[] | null;
    if (onProbation.has(candidate.companyId)) {
      // Locked for update, and its open jobs counted again under the lock (lockCandidate, decision 0048);
      // then its capacity row.
      const refused = await lockCandidate(tx, candidate, true, today);
      if (refused) {
        skipped.push(refused);
        continue;
      }
      allocations = await lockAndReplanCapacity(
        tx,
        line.process,
        candidate,
        lineToMatch,
        ranking.productionWindow,
        closureDays,
      );
    } else {
      const writtenBy = offerOnCard ? cardWriterOf(candidates, candidate.companyId) : undefined;
      if (writtenBy) {
        offerOnCard = false;
        const offered = await offerTo(candidate, candidate.capacity.allocations, { writtenBy });
        if (offered) return offered;
      }
      // Any other supplier: one round trip share-locks its company row (still active?), locks its
      // capacity row (decision 0051) and counts its held hours again under the lock (decision 0074).
      const locked = await lockSupplierCapacity(
        tx,
        candidate.companyId,
        line.process,
        ranking.productionWindow,
      );
      if (locked.status !== null && locked.status !== "ACTIVE") {
        skipped.push({
          companyId: candidate.companyId,
          name: candidate.name,
          rule: "not-active",
          reason: "was suspended meanwhile",
        });
        continue;
      }
      allocations = locked.machineHoursPerWeek
        ? planCountedCapacity(
            locked.counted,
            locked.machineHoursPerWeek,
            lineToMatch,
            ranking.productionWindow,
            closureDays,
          )
        : null;
    }
    if (allocations) return (await offerTo(candidate, allocations))!;
    skipped.push({
      companyId: candidate.companyId,
      name: candidate.name,
      rule: "capacity",
      reason: "its free hours were taken by another order meanwhile",
    });
  }

  const decision = decisionRecord();
  const durationMs = performance.now() - startedAt;
  await tx.matchDecision.create({
    data: {
      orderLineId,
      candidates: decision as unknown as Prisma.InputJsonValue,
      chosenSupplierCompanyId: null,
      trigger,
      settingsVersion: version,
      durationMs,
    },
  });
  await moveOrderLine(tx, {
    orderLineId,
    to: "UNMATCHED",
    note: ranking.ranked.length === 0 ? "No partner can take it" : "Every capable partner was tried",
  });
  await recordAuditLog(tx, {
    action: "order-line.unmatched",
    entityType: "OrderLine",
    entityId: orderLineId,
    data: { trigger, skipped: skipped.length },
  });
  await queueEmail(tx, {
    to: getEnv().OPERATIONS_EMAIL,
    subject: `No partner for order ${line.order.number} (${line.part.originalFileName})`,
    text: unmatchedEmailText({
      orderNumber: line.order.number,
      orderId: line.orderId,
      quantity: line.quantity,
      fileName: line.part.originalFileName,
      processName: processLabel(line.process),
      materialName: line.materialName,
      deliveryDate: lineToMatch.deliveryDate,
      requiredCountryCode: lineToMatch.requiredCountryCode,
      decision,
      baseUrl,
    }),
  });
  return { kind: "unmatched" };
}

/** The writer of a candidate's match card as the read gave it (load-match-candidates.ts), if it has one. */
function cardWriterOf(candidates: readonly SupplierCandidate[], companyId: string): string | undefined {
  return candidates.find((entry) => entry.companyId === companyId)?.cardWrittenBy;
}

/**
 * Locks the supplier's capacity row for the process, counts its free hours again with what other
 * transactions committed meanwhile, and returns where the job's hours go, or null when they no longer fit.
 */
export async function lockAndReplanCapacity(
  tx: TransactionClient,
  process: ManufacturingProcess,
  candidate: Pick<RankedCandidate, "companyId">,
  line: Pick<LineToMatch, "estimatedMachineHours">,
  window: { firstDay: string; lastDay: string },
  closureDays?: { date: IsoDate; name: string }[],
): Promise<{ weekStart: string; hours: number }[] | null> {
  const locked = await tx.$queryRaw<{ machineHoursPerWeek: number }[]>`/* prepared */
    SELECT "machineHoursPerWeek" FROM "WeeklyCapacity"
     WHERE "companyId" = ${candidate.companyId} AND "process" = ${process}::"ManufacturingProcess" FOR UPDATE`;
  const weekly = locked[0]?.machineHoursPerWeek;
  if (!weekly) return null;
  return replanLockedCapacity(tx, process, candidate.companyId, weekly, line, window, closureDays);
}

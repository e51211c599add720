import { requestOfferExpiry } from "./request-matching";
import { withdrawCounteroffer } from "../counteroffers/settle-counteroffer";
import { moveOffers } from "./move-offers";
import { offerTransitions } from "./offer-transitions";
import { z } from "zod";
import type { Prisma } from "../db/generated/client";
import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { moveOrderLine } from "../orders/change-order-line-status";
import { loadLineCandidates, type LineToLoad } from "./load-line-candidates";
import { lockCandidate } from "./lock-candidate";
import { lockLineToMatch } from "./lock-line-to-match";
import { lockAndReplanCapacity } from "./match-order-line";
import { offerDeadline } from "./offer-deadline";
import { rankCandidates } from "./rank-candidates";
import { releaseOfferCapacity } from "./respond-to-offer";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { processLabel } from "../catalogue/catalogue-labels";
import { newOfferEmail } from "./new-offer-email";

/**
 * The line statuses operations may offer by hand: nobody has it, it waits for an answer, or a supplier
 * accepted it but has not started (e.g. a suspended supplier's job that must move).
 */
export const reofferableLineStatuses = ["UNMATCHED", "AWAITING_MATCH", "OFFERED", "ACCEPTED"] as const;
const reofferableOrderStatuses = ["CONFIRMED", "IN_PROGRESS"];

const reofferSchema = z.object({
  supplierCompanyId: z
    .string({ error: "Choose the partner to offer the line to." })
    .trim()
    .min(1, "Choose the partner to offer the line to."),
});

export interface Reoffer {
  offerId: string;
  orderId: string;
  supplierCompanyId: string;
  expiresAt: Date;
  /** The pending offer withdrawn for it, if the line was offered to another supplier. */
  withdrawnOfferId: string | null;
}

/**
 * Operations offer a line to a supplier they chose, typically after a phone call: for a line nobody took
 * (UNMATCHED), one waiting for the matcher, or one offered to someone else (whose pending offer is then
 * WITHDRAWN and its hours released). The supplier must pass the matcher's own rules (rank-candidates.ts),
 * except "offered before": a supplier that rejected the line may be asked again. A supplier that fails a
 * rule is refused with that rule's reason and nothing changes. Otherwise the offer is made with the
 * matcher's deadline, its hours reserved week by week, the line moved to OFFERED, and the decision
 * recorded with trigger "operations". One transaction with the line locked, like matchOrderLine. The
 * caller schedules the offer's expiry and the e-mail delivery after commit.
 */
export async function reofferOrderLine(
  db: Database,
  operator: { userId: string },
  orderLineId: string,
  input: unknown,
  now: Date = new Date(),
): Promise<Reoffer> {
  const { supplierCompanyId } = reofferSchema.parse(input);
  return withTransactionRetry(() =>
    db.$transaction((tx) => reofferLockedLine(tx, operator.userId, orderLineId, supplierCompanyId, now), {
      timeout: 30_000,
    }),
  );
}

async function reofferLockedLine(
  tx: TransactionClient,
  operatorUserId: string,
  orderLineId: string,
  supplierCompanyId: string,
  now: Date,
): Promise<Reoffer> {
  const startedAt = performance.now();
  const line = await lockLineToMatch(tx, orderLineId);
  if (!line) throw new AppError("not_found", "There is no such order line.");
  if (!(reofferableLineStatuses as readonly string[]).includes(line.status))
    throw new AppError(
      "invalid_state_transition",
      `This line is ${line.status.toLowerCase().replaceAll("_", " ")}: only a line without a partner, offered, or accepted and not yet in production, can be offered by hand.`,
    );
  if (!reofferableOrderStatuses.includes(line.order.status))
    throw new AppError(
      "invalid_state_transition",
      `Order ${line.order.number} is ${line.order.status.toLowerCase().replaceAll("_", " ")}; its lines cannot be offered.`,
    );
  // Read on their own rather than as a third include beside order and part: Prisma sends sibling
  // includes at once, and on a transaction's one connection pg queues them and warns.
  const [pending = null] = await tx.offer.findMany({
    where: {
      orderLineId,
      OR: [
        { status: { in: ["PENDING", "ACCEPTED"] } },
        { status: "COUNTERED", counteroffer: { status: "AWAITING_BUYER" } },
      ],
    },
    include: { supplierCompany: { select: { name: true } } },
  });
  if (pending?.supplierCompanyId === supplierCompanyId)
    throw new AppError(
      "conflict",
      pending.status === "ACCEPTED"
        ? `${pending.supplierCompany.name} has accepted this line already.`
        : `${pending.supplierCompany.name} has this line's offer already; it waits for their answer.`,
      { field: "supplierCompanyId" },
    );

  // The pending offer's hours are released first, so the ranking below counts them as free again.
  let withdrawnOfferId: string | null = null;
  if (pending) {
    withdrawnOfferId = pending.id;
    await releaseOfferCapacity(tx, pending.id, now);
  }

  const { settings, version, today, lineToMatch, candidates, notOfferingProcess } =
    await loadCandidatesForOperations(tx, line, now);
  const candidate = candidates.find((entry) => entry.companyId === supplierCompanyId);
  if (!candidate) {
    const company = await tx.company.findUnique({ where: { id: supplierCompanyId }, select: { name: true } });
    throw new AppError(
      "bad_request",
      company ? `${company.name} does not offer ${processLabel(line.process)}.` : "There is no such partner.",
      { field: "supplierCompanyId" },
    );
  }
  const ranking = rankCandidates(lineToMatch, [candidate], settings, today);
  const failed = ranking.skipped[0];
  if (failed)
    throw new AppError("bad_request", `${failed.name}: ${failed.reason}.`, {
      field: "supplierCompanyId",
      rule: failed.rule,
    });
  const ranked = ranking.ranked[0]!;
  const refused = await lockCandidate(tx, ranked, Boolean(candidate.probation), today);
  if (refused)
    throw new AppError(
      "conflict",
      refused.rule === "not-active"
        ? `${ranked.name} was suspended meanwhile. Choose another partner.`
        : `${ranked.name}: ${refused.reason}.`,
      { field: "supplierCompanyId", rule: refused.rule },
    );
  const allocations = await lockAndReplanCapacity(
    tx,
    line.process,
    ranked,
    lineToMatch,
    ranking.productionWindow,
  );
  if (!allocations)
    throw new AppError(
      "conflict",
      `${ranked.name}: its free hours were taken by another order meanwhile. Reload and choose again.`,
      { field: "supplierCompanyId" },
    );

  if (pending) {
    await moveOffers(tx, {
      where: { id: pending.id },
      from: [pending.status],
      to: "WITHDRAWN",
      set: { withdrawReason: `Re-offered by operations to ${ranked.name}`, withdrawnBy: "OPERATIONS" },
    });
    await withdrawCounteroffer(tx, pending.id, now);
    await queueCompanyEmail(tx, pending.supplierCompanyId, {
      subject:
        pending.status === "ACCEPTED"
          ? `Job withdrawn: order ${line.order.number}`
          : `Offer withdrawn: order ${line.order.number}`,
      text:
        pending.status === "ACCEPTED"
          ? `Our operations team has moved the job for order ${line.order.number} (${line.quantity} × ${line.part.originalFileName}) to another partner; please do not start it. Its CAD file is no longer available to you.\n\n${appUrl()}/supplier`
          : `We have withdrawn our offer for order ${line.order.number} (${line.quantity} × ${line.part.originalFileName}); it has gone to another partner. You do not need to answer it.\n\n${appUrl()}/supplier`,
    });
  }

  if (line.status === "OFFERED" || line.status === "ACCEPTED")
    await moveOrderLine(tx, {
      orderLineId,
      to: "AWAITING_MATCH",
      actorUserId: operatorUserId,
      note: pending
        ? `${pending.status === "ACCEPTED" ? "Job" : "Offer"} of ${pending.supplierCompany.name} withdrawn by operations`
        : "Offered again by operations",
      ...(line.status === "ACCEPTED" ? { set: { supplierCompanyId: null } } : {}),
    });

  const expiresAt = offerDeadline(now, settings.offerDeadlineWorkingHours, settings.holidays);
  const offer = await tx.offer.create({
    data: {
      status: offerTransitions.enter("PENDING"),
      orderLineId,
      supplierCompanyId: ranked.companyId,
      supplierPriceCents: ranked.supplierPriceCents,
      currency: line.currency,
      rank: 1,
      score: ranked.score,
      expiresAt,
      offeredById: operatorUserId,
      createdAt: now,
    },
  });
  await tx.capacityReservation.createMany({
    data: allocations.map((allocation) => ({
      companyId: ranked.companyId,
      process: line.process,
      weekStart: new Date(`${allocation.weekStart}T00:00:00Z`),
      machineHours: allocation.hours,
      orderLineId,
      offerId: offer.id,
    })),
  });
  await moveOrderLine(tx, {
    orderLineId,
    to: "OFFERED",
    actorUserId: operatorUserId,
    note: `Offered by operations to ${ranked.name}`,
  });
  const record = {
    hoursNeeded: Math.max(0.1, lineToMatch.estimatedMachineHours),
    productionWindow: ranking.productionWindow,
    notOfferingProcess,
    weights: settings.weights,
    rankedCount: 1,
    skippedByRule: {},
    ranked: [
      {
        rank: 1,
        companyId: ranked.companyId,
        name: ranked.name,
        score: ranked.score,
        unflaggedScore: ranked.unflaggedScore,
        flags: ranked.flags.map((flag) => flag.message),
        parts: ranked.parts,
        rates: ranked.rates,
        distanceKm: ranked.distanceKm,
        supplierPriceCents: ranked.supplierPriceCents,
        costIndex: ranked.costIndex,
        freeHours: ranked.capacity.freeHours,
        utilisation: ranked.capacity.utilisation,
      },
    ],
    skipped: [],
  };
  await tx.matchDecision.create({
    data: {
      orderLineId,
      candidates: record as unknown as Prisma.InputJsonValue,
      chosenSupplierCompanyId: ranked.companyId,
      trigger: "operations",
      settingsVersion: version,
      durationMs: performance.now() - startedAt,
    },
  });
  await recordAuditLog(tx, {
    actorUserId: operatorUserId,
    companyId: ranked.companyId,
    action: "offer.reoffer",
    entityType: "Offer",
    entityId: offer.id,
    data: { orderLineId, withdrawnOfferId, supplierPriceCents: ranked.supplierPriceCents },
  });
  const email = newOfferEmail(line, {
    deliveryDay: lineToMatch.deliveryDate,
    supplierPriceCents: ranked.supplierPriceCents,
    expiresAt,
    offeredBy: "operations",
    offerUrl: `${appUrl()}/supplier/offers/${offer.id}`,
  });
  await queueCompanyEmail(tx, ranked.companyId, { subject: email.subject, text: email.text });
  await requestOfferExpiry(tx, expiresAt);
  return {
    offerId: offer.id,
    orderId: line.orderId,
    supplierCompanyId: ranked.companyId,
    expiresAt,
    withdrawnOfferId,
  };
}

/**
 * Every supplier offering the line's process with what the matcher's rules need, as the matcher loads
 * them, but without the "offered before" rule: operations may ask a supplier again after speaking to it.
 */
async function loadCandidatesForOperations(db: Database | TransactionClient, line: LineToLoad, now: Date) {
  const loaded = await loadLineCandidates(db, line, now);
  return {
    ...loaded,
    candidates: loaded.candidates.map((candidate) => ({ ...candidate, previousOffer: null })),
  };
}

/**
 * For the "offer to partner" form: each supplier offering the line's process, with the reason the
 * matcher's rules would refuse it now (null when it may be offered the line), best score first.
 */
export async function previewReoffer(
  db: Database,
  orderLineId: string,
  now: Date = new Date(),
): Promise<{ companyId: string; name: string; city: string | null; refusal: string | null }[]> {
  const line = await db.orderLine.findUnique({
    where: { id: orderLineId },
    include: { order: { include: { buyerCompany: true } } },
  });
  if (!line) return [];
  const { settings, today, lineToMatch, candidates } = await loadCandidatesForOperations(db, line, now);
  const ranking = rankCandidates(lineToMatch, candidates, settings, today);
  const cities = new Map(
    (
      await db.company.findMany({
        where: { id: { in: candidates.map((candidate) => candidate.companyId) } },
        select: { id: true, city: true },
      })
    ).map((company) => [company.id, company.city]),
  );
  return [
    ...ranking.ranked.map((candidate) => ({
      companyId: candidate.companyId,
      name: candidate.name,
      refusal: null,
    })),
    ...ranking.skipped
      .filter(
        (entry) =>
          candidates.find((candidate) => candidate.companyId === entry.companyId)?.status === "ACTIVE",
      )
      .map((entry) => ({ companyId: entry.companyId, name: entry.name, refusal: entry.reason })),
  ].map((entry) => ({ ...entry, city: cities.get(entry.companyId) ?? null }));
}

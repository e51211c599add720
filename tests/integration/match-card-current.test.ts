import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { loadLineCandidates } from "../../lib/matching/load-line-candidates";
import { lockLineToMatch } from "../../lib/matching/lock-line-to-match";
import { matchOrderLine } from "../../lib/matching/match-order-line";
import { seedDatabase } from "../../prisma/seed";
import { anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";

// Issue 22 (decision 0074): the matcher reads each supplier from its match card, which the database's
// triggers refresh when a write changes what the card holds. A card left stale would show here: each
// write below must change the very next match.
type Skipped = { companyId: string; rule: string; reason: string };

describe("the match card the matcher reads", () => {
  let db: Database;

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    await db.company.update({ where: { id: anna.companyId }, data: { creditLimitCents: 100_000_000 } });
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  /** Places a new bracket order and matches it; returns whom it was offered to and who was skipped why. */
  const matchNewLine = async () => {
    const { line } = await placeAcmeOrder(db, {});
    const outcome = await matchOrderLine(db, line.id, "test");
    const decision = await db.matchDecision.findFirstOrThrow({ where: { orderLineId: line.id } });
    const skipped = (decision.candidates as { skipped: Skipped[] }).skipped;
    return { line, outcome, skipped };
  };
  const skipOf = (skipped: Skipped[], companyId: string) =>
    skipped.find((entry) => entry.companyId === companyId);

  /** The machine hours the matcher sees held for `companyId` in the production window of `orderLineId`. */
  const heldHoursSeen = (orderLineId: string, companyId: string) =>
    db.$transaction(async (tx) => {
      const line = await lockLineToMatch(tx, orderLineId);
      const { candidates } = await loadLineCandidates(tx, line!, new Date());
      const candidate = candidates.find((entry) => entry.companyId === companyId)!;
      return [...candidate.reservedHoursByWeek.values()].reduce((sum, hours) => sum + hours, 0);
    });

  it("sees a supplier's new reservations, capacity, materials, audit and probation in the next match", async () => {
    const first = await matchNewLine();
    expect(first.outcome.kind).toBe("offered");
    const supplier = (first.outcome as { supplierCompanyId: string }).supplierCompanyId;

    // The offer's reservations: a line placed now sees them held.
    const { line: waiting } = await placeAcmeOrder(db, {});
    const offerHours = await db.capacityReservation.aggregate({
      where: { orderLineId: first.line.id },
      _sum: { machineHours: true },
    });
    expect(offerHours._sum.machineHours).toBeGreaterThan(0);
    const heldBefore = await heldHoursSeen(waiting.id, supplier);
    expect(heldBefore).toBeGreaterThanOrEqual(offerHours._sum.machineHours!);
    // Released (the offer withdrawn): the hours are free again for the next match.
    await db.capacityReservation.updateMany({
      where: { orderLineId: first.line.id },
      data: { releasedAt: new Date() },
    });
    expect(await heldHoursSeen(waiting.id, supplier)).toBeCloseTo(
      heldBefore - offerHours._sum.machineHours!,
      6,
    );

    // Its weekly capacity for milling set to none.
    const capacity = await db.weeklyCapacity.findFirstOrThrow({
      where: { companyId: supplier, process: "CNC_MILLING" },
    });
    await db.weeklyCapacity.update({
      where: { companyId_process: { companyId: supplier, process: "CNC_MILLING" } },
      data: { machineHoursPerWeek: 0 },
    });
    const noCapacity = await matchNewLine();
    expect(skipOf(noCapacity.skipped, supplier)).toMatchObject({
      rule: "capacity",
      reason: "has no weekly capacity set for this process",
    });
    await db.weeklyCapacity.update({
      where: { companyId_process: { companyId: supplier, process: "CNC_MILLING" } },
      data: { machineHoursPerWeek: capacity.machineHoursPerWeek },
    });

    // The line's material no longer offered.
    const aluminium = await db.material.findFirstOrThrow({ where: { code: "AL-6061-T6" } });
    await db.supplierMaterial.delete({
      where: { companyId_materialId: { companyId: supplier, materialId: aluminium.id } },
    });
    const noMaterial = await matchNewLine();
    expect(skipOf(noMaterial.skipped, supplier)?.rule).toBe("material");
    await db.supplierMaterial.create({ data: { companyId: supplier, materialId: aluminium.id } });

    // A newer audit, rejected.
    const rejected = await db.supplierAudit.create({
      data: { supplierCompanyId: supplier, status: "REJECTED", decidedAt: new Date(), purpose: "Re-audit" },
    });
    const noAudit = await matchNewLine();
    expect(skipOf(noAudit.skipped, supplier)).toMatchObject({
      rule: "audit",
      reason: "has no approved audit",
    });
    await db.supplierAudit.delete({ where: { id: rejected.id } });

    // A probation that allows no job of this value.
    const probation = await db.supplierProbation.create({
      data: { companyId: supplier, maxOrderValueCents: 1, conditionsDueOn: new Date("2099-01-01") },
    });
    const onProbation = await matchNewLine();
    expect(skipOf(onProbation.skipped, supplier)?.rule).toBe("probation");
    await db.supplierProbation.update({ where: { id: probation.id }, data: { liftedAt: new Date() } });

    // Everything undone: it is offered the next line again, as the first.
    const again = await matchNewLine();
    expect(skipOf(again.skipped, supplier)).toBeUndefined();
    expect(again.outcome).toMatchObject({ kind: "offered", supplierCompanyId: supplier });
  });

  it("holds what building the cards afresh from their tables gives, after all those writes", async () => {
    const cards = () =>
      db.$queryRaw<Record<string, unknown>[]>`
        SELECT "companyId", "process"::text, "name", "countryCode", "region", "facts", "materialIds",
               "machineEnvelopesMm", "certificates", "blockedDays", "heldHoursByWeek", "probation"
          FROM "SupplierMatchCard" ORDER BY "companyId", "process"`;
    const kept = await cards();
    expect(kept.length).toBeGreaterThan(0);
    await db.$executeRaw`SELECT refresh_supplier_match_cards("id") FROM "Company"`;
    expect(await cards()).toEqual(kept);
  });
});

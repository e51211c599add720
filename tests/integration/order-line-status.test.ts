import { beforeAll, describe, expect, it } from "vitest";
import { changeOrderLineStatus } from "../../lib/orders/change-order-line-status";
import type { Database } from "../../lib/db/prisma";
import { seedDatabase } from "../../prisma/seed";
import { createTestPrisma } from "./setup/test-prisma";

async function createOrderLine(db: Database): Promise<string> {
  const part = await db.part.create({
    data: {
      companyId: "seed_company_acme",
      originalFileName: "bracket.step",
      storageKey: `sha256/00/${"0".repeat(64)}`,
      contentSha256: "0".repeat(64),
      sizeBytes: 1234n,
      format: "STEP",
      status: "ANALYZED",
    },
  });
  const quote = await db.quote.create({
    data: {
      partId: part.id,
      companyId: "seed_company_acme",
      process: "CNC_MILLING",
      materialId: "seed_material_AL-6061-T6",
      finish: "as-machined",
      toleranceClass: "ISO2768_MEDIUM",
      quantity: 10,
      deliveryDate: new Date("2026-12-15"),
      currency: "EUR",
      unitPriceCents: 4250,
      totalPriceCents: 42500,
      supplierUnitCostCents: 3400,
      supplierTotalCostCents: 34000,
      estimatedMachineHours: 3.5,
      breakdown: {},
      priceBreaks: [],
      settingsVersion: 1,
      validUntil: new Date("2026-12-22"),
    },
  });
  const order = await db.order.create({
    data: {
      number: `Q-TEST-${Math.random().toString(36).slice(2, 8)}`,
      buyerCompanyId: "seed_company_acme",
      placedById: "seed_user_anna",
      status: "CONFIRMED",
      paymentMethod: "INVOICE",
      currency: "EUR",
      subtotalCents: 42500,
      vatCents: 8075,
      totalCents: 50575,
      billingAddress: {},
      shippingAddress: {},
      lines: {
        create: {
          partId: part.id,
          quoteId: quote.id,
          process: "CNC_MILLING",
          materialCode: "AL-6061-T6",
          finish: "as-machined",
          toleranceClass: "ISO2768_MEDIUM",
          quantity: 10,
          unitPriceCents: 4250,
          totalPriceCents: 42500,
          supplierTotalCents: 34000,
          currency: "EUR",
          estimatedMachineHours: 3.5,
          deliveryDate: new Date("2026-12-15"),
        },
      },
    },
    include: { lines: true },
  });
  return order.lines[0]!.id;
}

describe("changing an order line's status", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("moves along the machine and writes the history and the audit log", async () => {
    const lineId = await createOrderLine(db);
    await changeOrderLineStatus(db, { orderLineId: lineId, to: "OFFERED", actorUserId: "seed_user_olga" });
    await changeOrderLineStatus(db, {
      orderLineId: lineId,
      to: "ACCEPTED",
      actorUserId: "seed_user_mueller",
    });
    const history = await db.orderStatusChange.findMany({
      where: { orderLineId: lineId },
      orderBy: { id: "asc" },
    });
    expect(history.map((row) => [row.fromStatus, row.toStatus])).toEqual([
      ["AWAITING_MATCH", "OFFERED"],
      ["OFFERED", "ACCEPTED"],
    ]);
    expect(await db.auditLogEntry.count({ where: { entityId: lineId, action: "order-line.status" } })).toBe(
      2,
    );
  });

  it("refuses a move the machine does not allow and changes nothing", async () => {
    const lineId = await createOrderLine(db);
    await expect(changeOrderLineStatus(db, { orderLineId: lineId, to: "SHIPPED" })).rejects.toMatchObject({
      code: "invalid_state_transition",
      message: "An order line that is AWAITING_MATCH cannot become SHIPPED.",
    });
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: lineId } })).status).toBe("AWAITING_MATCH");
    expect(await db.orderStatusChange.count({ where: { orderLineId: lineId } })).toBe(0);
  });

  it("lets exactly one of several simultaneous changes from the same status win", async () => {
    const lineId = await createOrderLine(db);
    await changeOrderLineStatus(db, { orderLineId: lineId, to: "OFFERED" });
    const results = await Promise.allSettled([
      changeOrderLineStatus(db, { orderLineId: lineId, to: "ACCEPTED" }),
      changeOrderLineStatus(db, { orderLineId: lineId, to: "ACCEPTED" }),
      changeOrderLineStatus(db, { orderLineId: lineId, to: "UNMATCHED" }),
      changeOrderLineStatus(db, { orderLineId: lineId, to: "ACCEPTED" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected")
        expect(result.reason).toMatchObject({ code: "invalid_state_transition" });
    }
    const final = (await db.orderLine.findUniqueOrThrow({ where: { id: lineId } })).status;
    const history = await db.orderStatusChange.findMany({
      where: { orderLineId: lineId },
      orderBy: { id: "asc" },
    });
    expect(history).toHaveLength(2);
    expect(history.at(-1)?.toStatus).toBe(final);
  });
});

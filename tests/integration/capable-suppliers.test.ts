import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { loadCapableSuppliers } from "../../lib/small-orders/load-capable-suppliers";
import { seedDatabase } from "../../prisma/seed";
import { createTestPrisma } from "./setup/test-prisma";

// The partners a price's small-order check counts (one statement since docs/decisions/0120): the rules it
// applies to the seeded partners, whose audits are approved until 2027-06-01.
describe("the partners who could make a line", () => {
  let db: Database;
  const milling = { process: "CNC_MILLING", materialCode: "AL-6061-T6", partSizeMm: [80, 60, 10] } as const;
  const count = async (line: Partial<Parameters<typeof loadCapableSuppliers>[1]>) =>
    (await loadCapableSuppliers(db, { ...milling, today: "2026-12-07", ...line })).length;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("counts the active partners offering the process and material, with their order values", async () => {
    const suppliers = await loadCapableSuppliers(db, { ...milling, today: "2026-12-07" });
    expect(suppliers.length).toBeGreaterThan(0);
    for (const supplier of suppliers) {
      expect(typeof supplier.costIndex).toBe("number");
      expect(supplier.minOrderValueCents === null || Number.isInteger(supplier.minOrderValueCents)).toBe(
        true,
      );
    }
    expect(await count({ materialCode: "NO-SUCH-MATERIAL" })).toBe(0);
  });

  it("leaves out a part no machine holds, an audit past its last day, and a partner whose newest audit refused", async () => {
    const all = await count({});
    expect(await count({ partSizeMm: [5000, 5000, 5000] })).toBe(0);
    expect(await count({ today: "2027-06-01" })).toBe(all);
    expect(await count({ today: "2027-06-02" })).toBe(0);

    const [first] = await db.company.findMany({
      where: { kind: "SUPPLIER", status: "ACTIVE", supplierProcesses: { some: { process: "CNC_MILLING" } } },
      orderBy: { id: "asc" },
      take: 1,
    });
    await db.supplierAudit.create({
      data: {
        supplierCompanyId: first!.id,
        status: "REJECTED",
        decidedAt: new Date("2026-11-01T00:00:00Z"),
        checklist: {},
      },
    });
    expect(await count({})).toBe(all - 1);
  });
});

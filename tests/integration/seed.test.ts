import { beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "../../lib/auth/verify-credentials";
import type { Database } from "../../lib/db/prisma";
import { demoAccounts, demoPassword, isDatabaseEmpty, seedDatabase } from "../../prisma/seed";
import { createTestPrisma } from "./setup/test-prisma";

async function snapshot(db: Database) {
  const companies = await db.company.findMany({
    orderBy: { id: "asc" },
    select: { id: true, name: true, kind: true, status: true, countryCode: true },
  });
  return {
    companies,
    users: await db.user.findMany({
      orderBy: { id: "asc" },
      select: { id: true, email: true, role: true, companyId: true },
    }),
    materials: await db.material.count(),
    machines: await db.machine.count(),
    certificates: await db.certificate.count(),
    legalDocuments: await db.legalDocument.findMany({
      orderBy: [{ kind: "asc" }, { version: "asc" }],
      select: { kind: true, version: true, publishedAt: true },
    }),
    capacities: await db.weeklyCapacity.findMany({ orderBy: [{ companyId: "asc" }, { process: "asc" }] }),
    audits: await db.supplierAudit.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, auditorId: true },
    }),
  };
}

describe("the demo seed", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
  });

  it("fills an empty database with buyers, six audited suppliers, one awaiting audit, operations and the catalogue", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    await seedDatabase(db);
    expect(await isDatabaseEmpty(db)).toBe(false);

    const buyers = await db.company.findMany({ where: { kind: "BUYER" }, include: { users: true } });
    expect(buyers).toHaveLength(1);
    expect(buyers[0]?.users).toHaveLength(3);

    const suppliers = await db.company.findMany({
      where: { kind: "SUPPLIER" },
      include: { audits: true, supplierProcesses: true },
    });
    const audited = suppliers.filter((supplier) => supplier.status === "ACTIVE");
    expect(audited).toHaveLength(6);
    for (const supplier of audited) expect(supplier.audits[0]?.status).toBe("APPROVED");
    expect(suppliers.filter((supplier) => supplier.status === "PENDING_AUDIT")).toHaveLength(1);
    expect(new Set(audited.map((supplier) => supplier.countryCode)).size).toBeGreaterThanOrEqual(3);
    const processes = new Set(
      audited.flatMap((supplier) => supplier.supplierProcesses.map((row) => row.process)),
    );
    expect([...processes].sort()).toEqual([
      "CNC_MILLING",
      "CNC_TURNING",
      "FDM",
      "LASER_CUTTING",
      "METAL_PBF",
      "MJF",
      "SHEET_METAL",
      "SLA",
      "SLS",
    ]);

    expect(await db.user.count({ where: { role: "OPERATIONS" } })).toBe(1);
    // Acme pays by invoice because operations approved its application (issue 18).
    expect(
      await db.invoiceTermsApplication.findMany({
        select: { companyId: true, status: true, decidedById: true },
      }),
    ).toEqual([{ companyId: "seed_company_acme", status: "APPROVED", decidedById: "seed_user_olga" }]);
    expect(await db.machineRate.count()).toBe(9);
    expect(await db.material.count()).toBeGreaterThanOrEqual(15);
  });

  it("confirms every demo account's address and publishes version 1 of the demo terms and privacy notice", async () => {
    expect(await db.user.count({ where: { emailVerifiedAt: null } })).toBe(0);
    const legal = await db.legalDocument.findMany({ orderBy: { kind: "asc" } });
    expect(legal.map((row) => [row.kind, row.version])).toEqual([
      ["TERMS", 1],
      ["PRIVACY", 1],
    ]);
    for (const row of legal) expect(row.body).toMatch(/^DEMO TEXT/);
  });

  it("lets every listed demo account sign in with the listed password", async () => {
    for (const account of demoAccounts) {
      const verdict = await verifyCredentials(
        db,
        { email: account.email, password: demoPassword },
        "127.0.0.1",
      );
      expect(verdict, account.email).toMatchObject({ ok: true, identity: { role: account.role } });
    }
  });

  it("is deterministic: running it again changes nothing", async () => {
    const first = await snapshot(db);
    await seedDatabase(db);
    expect(await snapshot(db)).toEqual(first);
  });
});

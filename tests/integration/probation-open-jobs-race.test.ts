import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAuditEvidence } from "../../lib/audits/add-audit-evidence";
import { auditChecklistItemKeys } from "../../lib/audits/audit-checklist";
import { saveAuditChecklist } from "../../lib/audits/save-audit-checklist";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { matchOrderLine } from "../../lib/matching/match-order-line";
import { describeProbation } from "../../lib/probation/describe-probation";
import { loadOwnProbation } from "../../lib/probation/load-own-probation";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { decideAudit } from "../../lib/workflows/decide-audit";
import { suspendSupplier } from "../../lib/workflows/suspend-supplier";
import { seedDatabase } from "../../prisma/seed";
import { anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";

// Issue 21 weak spot (decision 0048): the probation's open-jobs count was read with the candidates, before
// the partner's row was locked, so two lines matched at the same moment both saw "0 open jobs" and a
// partner limited to one open job got two offers. Schmidt is the only candidate for German jobs while
// Müller is suspended, so only the probation rule can keep the second line from it.
const olga = { userId: "seed_user_olga" };
const schmidt = "seed_company_schmidt";

describe("probation's open-jobs limit under concurrent matching", () => {
  let db: Database;
  let url: string;
  let storageDir: string;

  beforeAll(async () => {
    url = await createTestDatabase();
    db = createPrismaClient(url);
    await seedDatabase(db);
    await db.company.update({ where: { id: anna.companyId }, data: { creditLimitCents: 100_000_000 } });
    storageDir = await fs.mkdtemp(path.join(os.tmpdir(), "probation-race-"));
  });
  afterAll(async () => {
    await db.$disconnect();
    await fs.rm(storageDir, { recursive: true, force: true });
  });

  it("two lines matched at once never give a partner limited to one open job two offers", async () => {
    const first = await placeAcmeOrder(db, { requiredCountryCode: "DE", quantity: 2 });
    const second = await placeAcmeOrder(db, { requiredCountryCode: "DE", quantity: 3 });
    await suspendSupplier(db, olga, "seed_company_mueller", {
      reason: "Out of this test: German jobs go to Schmidt.",
    });
    const audit = await db.supplierAudit.findFirstOrThrow({ where: { supplierCompanyId: schmidt } });
    await saveAuditChecklist(db, olga, audit.id, {
      ...Object.fromEntries(
        auditChecklistItemKeys.map((key) => [key, { result: "passed", method: "video", note: "" }]),
      ),
      samplePart: { result: "failed", method: "on-site", note: "Bore Ø8 H7 measured 8.03 mm" },
    });
    await addAuditEvidence({ db, storage: createLocalFileStorage(storageDir) }, olga, audit.id, {
      description: "Measurement report of the sample part",
      file: new File(["%PDF-1.4\n%%EOF\n"], "sample.pdf", { type: "application/pdf" }),
    });
    await decideAudit(db, olga, audit.id, {
      decision: "approve-with-conditions",
      expiresOn: "2027-12-01",
      conditions: "Send a second sample part with the bore in tolerance by 15 January.",
      probationMaxOrderValueEuros: "100000",
      probationMaxOpenJobs: "1",
      conditionsDueOn: "2027-01-15",
    });

    // Hold Schmidt's row so that both matches have read their candidates before either may place an
    // offer: then they run side by side exactly where the old code counted too early.
    const blocker = new pg.Client({ connectionString: url });
    const watcher = new pg.Client({ connectionString: url });
    await Promise.all([blocker.connect(), watcher.connect()]);
    try {
      await blocker.query("BEGIN");
      await blocker.query(`SELECT 1 FROM "Company" WHERE "id" = $1 FOR UPDATE`, [schmidt]);
      const matches = Promise.all([
        matchOrderLine(db, first.line.id, "test: parallel"),
        matchOrderLine(db, second.line.id, "test: parallel"),
      ]);
      const waitingOnLocks = async () =>
        (
          await watcher.query<{ count: number }>(
            `SELECT count(*)::int AS count FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%"Company"%'`,
          )
        ).rows[0]!.count;
      const waitUntil = Date.now() + 60_000;
      while ((await waitingOnLocks()) < 2 && Date.now() < waitUntil)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await waitingOnLocks()).toBe(2);
      await blocker.query("COMMIT");
      const outcomes = await matches;

      const offered = outcomes.filter((outcome) => outcome.kind === "offered");
      expect(offered).toEqual([expect.objectContaining({ supplierCompanyId: schmidt })]);
      expect(outcomes.filter((outcome) => outcome.kind === "unmatched")).toHaveLength(1);
      expect(await db.offer.count({ where: { supplierCompanyId: schmidt, status: "PENDING" } })).toBe(1);
      const refusedLine = outcomes[0]!.kind === "unmatched" ? first.line.id : second.line.id;
      const decision = await db.matchDecision.findFirstOrThrow({
        where: { orderLineId: refusedLine },
        orderBy: { createdAt: "desc" },
      });
      expect((decision.candidates as { skipped: unknown[] }).skipped).toContainEqual(
        expect.objectContaining({
          companyId: schmidt,
          rule: "probation",
          reason: "is on probation: it holds 1 open job, its limit",
        }),
      );

      // The partner's portal shows the probation as the matcher counts it, with the audit's conditions.
      const own = await loadOwnProbation(db, schmidt);
      expect(own).toMatchObject({
        maxOrderValueCents: 10_000_000,
        maxOpenJobs: 1,
        openJobs: 1,
        conditionsDueOn: "2027-01-15",
        conditions: "Send a second sample part with the bore in tolerance by 15 January.",
      });
      expect(describeProbation(own!, "2026-12-06").offers).toBe(
        "You hold 1 open job, your limit: new offers come once one of them ships or is cancelled.",
      );
      expect(await loadOwnProbation(db, "seed_company_rossi")).toBeNull();
    } finally {
      await blocker.query("ROLLBACK").catch(() => undefined);
      await Promise.all([blocker.end(), watcher.end()]);
    }
  }, 120_000);
});

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAuditEvidence } from "../../lib/audits/add-audit-evidence";
import { auditChecklistItemKeys } from "../../lib/audits/audit-checklist";
import { saveAuditChecklist } from "../../lib/audits/save-audit-checklist";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { liftProbation } from "../../lib/probation/lift-probation";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { decideAudit } from "../../lib/workflows/decide-audit";
import { suspendSupplier } from "../../lib/workflows/suspend-supplier";
import { seedDatabase } from "../../prisma/seed";
import { anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";

// Issue 21, "approval with conditions has no effect": Schmidt (Leipzig) is approved although its sample
// part failed. Orders that must be made in Germany, with Müller suspended, have Schmidt as the only
// candidate, so whatever the ranking, only the probation rule can keep a job from it.
const olga = { userId: "seed_user_olga" };
const schmidt = "seed_company_schmidt";

type Skipped = { companyId: string; rule: string; reason: string };
const latestSkips = async (db: Database, orderLineId: string) =>
  (
    (await db.matchDecision.findFirstOrThrow({ where: { orderLineId }, orderBy: { createdAt: "desc" } }))
      .candidates as { skipped: Skipped[] }
  ).skipped;

describe("probation after an approval with conditions", () => {
  let db: Database;
  let storageDir: string;

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    await db.company.update({ where: { id: anna.companyId }, data: { creditLimitCents: 100_000_000 } });
    storageDir = await fs.mkdtemp(path.join(os.tmpdir(), "probation-"));
  });
  afterAll(async () => {
    await db.$disconnect();
    await fs.rm(storageDir, { recursive: true, force: true });
  });

  it("keeps a partner approved with a failed sample part to its job value and open-jobs limits until operations lift them", async () => {
    // Ordered while Müller takes German jobs: the shop accepts only orders some partner could take.
    const large = await placeAcmeOrder(db, { requiredCountryCode: "DE", quantity: 40 });
    const small = await placeAcmeOrder(db, { requiredCountryCode: "DE", quantity: 2 });
    const another = await placeAcmeOrder(db, { requiredCountryCode: "DE", quantity: 2 });
    expect(small.line.supplierTotalCents).toBeLessThan(large.line.supplierTotalCents);
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
    const limitEuros = Math.floor(large.line.supplierTotalCents / 100) - 1;
    const decision = {
      decision: "approve-with-conditions",
      expiresOn: "2027-12-01",
      conditions: "Send a second sample part with the bore in tolerance by 15 January.",
      probationMaxOrderValueEuros: String(limitEuros),
      probationMaxOpenJobs: "1",
      conditionsDueOn: "2027-01-15",
    };
    await expect(
      decideAudit(db, olga, audit.id, {
        ...decision,
        probationMaxOrderValueEuros: "",
        probationMaxOpenJobs: "",
      }),
    ).rejects.toMatchObject({ details: { field: "probationMaxOrderValueEuros" } });
    await expect(
      decideAudit(db, olga, audit.id, { ...decision, conditionsDueOn: "2028-01-01" }),
    ).rejects.toMatchObject({ details: { field: "conditionsDueOn" } });
    await decideAudit(db, olga, audit.id, decision);
    expect(await db.supplierProbation.findFirstOrThrow({ where: { companyId: schmidt } })).toMatchObject({
      maxOrderValueCents: limitEuros * 100,
      maxOpenJobs: 1,
      liftedAt: null,
    });

    // Above the value limit: not offered, and the decision says why.
    const [largeOutcome] = await matchWaitingLines(db, {
      orderId: large.order.id,
      trigger: "order confirmed",
    });
    expect(largeOutcome).toEqual({ kind: "unmatched" });
    expect(await latestSkips(db, large.line.id)).toContainEqual({
      companyId: schmidt,
      name: "Werkstatt Schmidt Rapid",
      rule: "probation",
      reason: expect.stringMatching(/^is on probation: the job \(€[\d,.]+\) is above its limit of €/),
    });

    // Within the limit: offered. Then the partner holds its one open job, and the next one waits.
    const [smallOutcome] = await matchWaitingLines(db, {
      orderId: small.order.id,
      trigger: "order confirmed",
    });
    expect(smallOutcome).toMatchObject({ kind: "offered", supplierCompanyId: schmidt });
    const [anotherOutcome] = await matchWaitingLines(db, {
      orderId: another.order.id,
      trigger: "order confirmed",
    });
    expect(anotherOutcome).toEqual({ kind: "unmatched" });
    expect(await latestSkips(db, another.line.id)).toContainEqual(
      expect.objectContaining({
        companyId: schmidt,
        reason: "is on probation: it holds 1 open job, its limit",
      }),
    );

    // Operations lift the probation: the lines nobody could take go back to matching and reach Schmidt.
    await expect(liftProbation(db, olga, schmidt, { reason: "short" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["reason"] })],
    });
    const lifted = await liftProbation(db, olga, schmidt, {
      reason: "Second sample part measured in tolerance (report of 10 December).",
    });
    expect(lifted.orderIdsToMatch).toEqual(expect.arrayContaining([large.order.id, another.order.id]));
    await expect(
      liftProbation(db, olga, schmidt, { reason: "Once more, to be sure it is lifted." }),
    ).rejects.toMatchObject({ code: "invalid_state_transition" });
    const [afterLift] = await matchWaitingLines(db, { orderId: large.order.id, trigger: "probation lifted" });
    expect(afterLift).toMatchObject({ kind: "offered", supplierCompanyId: schmidt });

    const log = await db.auditLogEntry.findMany({
      where: { companyId: schmidt, action: { startsWith: "supplier.probation" } },
      orderBy: { id: "asc" },
    });
    expect(log.map((entry) => [entry.action, entry.actorUserId])).toEqual([
      ["supplier.probation.start", "seed_user_olga"],
      ["supplier.probation.lift", "seed_user_olga"],
    ]);
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: "partner@schmidt-rapid.example", subject: "Your audit is approved" },
    });
    expect(mail.text).toContain("on probation");
  });

  it("an approval with conditions sent without limits gets the default ones, never none", async () => {
    const { parseProbationTerms } = await import("../../lib/probation/probation-input");
    const { probationDefaults } = await import("../../lib/probation/probation-defaults");
    expect(parseProbationTerms({ conditions: "x" }, "2026-12-06", "2027-12-01")).toEqual({
      maxOrderValueCents: probationDefaults.maxOrderValueEuros * 100,
      maxOpenJobs: probationDefaults.maxOpenJobs,
      conditionsDueOn: "2027-01-05",
    });
  });
});

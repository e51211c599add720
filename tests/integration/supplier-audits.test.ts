import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addAuditEvidence } from "../../lib/audits/add-audit-evidence";
import { auditChecklistItemKeys } from "../../lib/audits/audit-checklist";
import { decideAudit } from "../../lib/workflows/decide-audit";
import { listExpiringApprovals } from "../../lib/audits/list-expiring-approvals";
import { openAudit } from "../../lib/audits/open-audit";
import { openAuditEvidence } from "../../lib/audits/open-audit-evidence";
import { reinstateSupplier } from "../../lib/workflows/reinstate-supplier";
import { saveAuditChecklist } from "../../lib/audits/save-audit-checklist";
import { sendExpiryReminders } from "../../lib/audits/send-expiry-reminders";
import { suspendSupplier } from "../../lib/workflows/suspend-supplier";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import type { AppError } from "../../lib/errors/app-error";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { reofferOrderLine } from "../../lib/matching/reoffer-order-line";
import { acceptOffer } from "../../lib/matching/respond-to-offer";
import type { FileStorage } from "../../lib/storage/file-storage";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { seedDatabase } from "../../prisma/seed";
import { placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";

// Schmidt (Leipzig, CNC milling and FDM) waits for its audit in the seed; Additiv Berlin is the only
// active FDM supplier. So an FDM order in PLA goes to Additiv until Schmidt is approved.
const olga = { userId: "seed_user_olga" };
const schmidt = "seed_company_schmidt";
const additiv = "seed_company_additiv-berlin";
const now = new Date("2026-12-03T09:00:00Z");

const passedChecklist = Object.fromEntries(
  auditChecklistItemKeys.map((key) => [key, { result: "passed", method: "video", note: "" }]),
);
const pdf = (name = "sample-part-report.pdf") =>
  new File([`%PDF-1.4\n% ${name}\n%%EOF\n`], name, { type: "application/pdf" });

describe("partner audits and suspensions", () => {
  let db: Database;
  let storageDir: string;
  let storage: FileStorage;

  const placePrintOrder = () => placeAcmeOrder(db, { process: "fdm", materialCode: "FDM-PLA", quantity: 20 });

  const schmidtAudit = () =>
    db.supplierAudit.findFirstOrThrow({
      where: { supplierCompanyId: schmidt },
      orderBy: { createdAt: "desc" },
    });

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    await db.company.update({ where: { id: "seed_company_acme" }, data: { creditLimitCents: 100_000_000 } });
    storageDir = await fs.mkdtemp(path.join(os.tmpdir(), "audit-evidence-"));
    storage = createLocalFileStorage(storageDir);
  });
  afterAll(async () => {
    await db.$disconnect();
    await fs.rm(storageDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await db.offer.updateMany({ where: { status: "PENDING" }, data: { status: "WITHDRAWN" } });
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
  });

  it("audits the pending applicant step by step and refuses every shortcut, changing nothing", async () => {
    const audit = await schmidtAudit();
    expect(audit.status).toBe("PENDING");
    const approve = { decision: "approve", expiresOn: "2027-12-01" };

    // Nothing checked yet.
    await expect(decideAudit(db, olga, audit.id, approve, now)).rejects.toMatchObject({
      code: "invalid_state_transition",
      message: expect.stringContaining("Not every check has passed"),
    });
    // A result without how it was verified, and a failure without a note.
    await expect(
      saveAuditChecklist(db, olga, audit.id, {
        ...passedChecklist,
        machines: { result: "passed", method: "", note: "" },
        itSecurity: { result: "failed", method: "documents", note: "" },
      }),
    ).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["machines", "method"] }),
        expect.objectContaining({ path: ["itSecurity", "note"] }),
      ]),
    });
    expect(await schmidtAudit()).toMatchObject({ status: "PENDING", auditorId: null });

    const saved = await saveAuditChecklist(db, olga, audit.id, passedChecklist);
    expect(saved.changed).toHaveLength(5);
    expect(await schmidtAudit()).toMatchObject({ status: "IN_PROGRESS", auditorId: "seed_user_olga" });

    // Everything passed, but no evidence kept.
    await expect(decideAudit(db, olga, audit.id, approve, now)).rejects.toMatchObject({
      message: expect.stringContaining("Attach the evidence first"),
    });
    await expect(
      addAuditEvidence({ db, storage }, olga, audit.id, {
        description: "Renamed text file",
        file: new File(["not a pdf"], "report.pdf", { type: "application/pdf" }),
      }),
    ).rejects.toMatchObject({ details: { field: "file" } });
    expect(await fs.readdir(storageDir)).toEqual([]);
    const evidence = await addAuditEvidence({ db, storage }, olga, audit.id, {
      description: "Sample part measurement report",
      file: pdf(),
    });
    const opened = await openAuditEvidence(db, storage, { userId: olga.userId }, evidence.id);
    opened.stream.destroy();
    expect(opened).toMatchObject({ fileName: "sample-part-report.pdf", contentType: "application/pdf" });

    // Expiry dates in the past or beyond three years.
    for (const expiresOn of ["2026-12-03", "2030-01-01", ""])
      await expect(decideAudit(db, olga, audit.id, { ...approve, expiresOn }, now)).rejects.toMatchObject({
        details: { field: "expiresOn" },
      });
    expect((await db.company.findUniqueOrThrow({ where: { id: schmidt } })).status).toBe("PENDING_AUDIT");

    // A profile without machines or weekly hours: the matcher could never choose it, so no approval.
    const machines = await db.machine.findMany({ where: { companyId: schmidt } });
    const capacities = await db.weeklyCapacity.findMany({ where: { companyId: schmidt } });
    await db.machine.deleteMany({ where: { companyId: schmidt } });
    await db.weeklyCapacity.deleteMany({ where: { companyId: schmidt } });
    await expect(decideAudit(db, olga, audit.id, approve, now)).rejects.toMatchObject({
      code: "invalid_state_transition",
      message: expect.stringMatching(
        /has declared no machine, no weekly capacity: the matcher could never offer it a job/,
      ),
    });
    expect((await db.company.findUniqueOrThrow({ where: { id: schmidt } })).status).toBe("PENDING_AUDIT");
    await db.machine.createMany({ data: machines });
    await db.weeklyCapacity.createMany({ data: capacities });

    const decided = await decideAudit(db, olga, audit.id, approve, now);
    expect(decided.status).toBe("APPROVED");
    expect(await schmidtAudit()).toMatchObject({
      status: "APPROVED",
      auditorId: "seed_user_olga",
      decidedAt: now,
      expiresAt: new Date("2027-12-01T00:00:00Z"),
    });
    expect((await db.company.findUniqueOrThrow({ where: { id: schmidt } })).status).toBe("ACTIVE");
    await expect(decideAudit(db, olga, audit.id, approve, now)).rejects.toMatchObject({
      code: "invalid_state_transition",
      message: expect.stringContaining("open a new audit"),
    });
    await expect(saveAuditChecklist(db, olga, audit.id, passedChecklist)).rejects.toMatchObject({
      code: "invalid_state_transition",
    });

    const log = await db.auditLogEntry.findMany({
      where: {
        companyId: schmidt,
        action: { in: ["audit.checklist", "audit.evidence", "file.read", "audit.decide"] },
      },
      orderBy: { id: "asc" },
    });
    expect(log.map((entry) => [entry.action, entry.actorUserId])).toEqual([
      ["audit.checklist", "seed_user_olga"],
      ["audit.evidence", "seed_user_olga"],
      ["file.read", "seed_user_olga"],
      ["audit.decide", "seed_user_olga"],
    ]);
    expect(log.at(-1)?.data).toMatchObject({
      decision: "APPROVED",
      companyStatus: "PENDING_AUDIT → ACTIVE",
    });
    const mail = await db.outboxEmail.findFirst({ where: { toAddress: "partner@schmidt-rapid.example" } });
    expect(mail?.subject).toBe("Your audit is approved");
  });

  it("offers jobs to the approved partner and moves a suspended partner's open offers on", async () => {
    // Schmidt is approved by the test above; suspend it so the first print order goes to Additiv.
    await suspendSupplier(db, olga, schmidt, { reason: "Paused while we test Additiv Berlin alone." });
    const { order, line } = await placePrintOrder();
    await matchWaitingLines(db, { orderId: order.id, trigger: "order confirmed" });
    const first = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
    expect(first.supplierCompanyId).toBe(additiv);

    await reinstateSupplier(db, olga, schmidt, { reason: "Test over: Schmidt takes jobs again." });
    const suspended = await suspendSupplier(db, olga, additiv, {
      reason: "Two late deliveries in a row; we talk it over.",
    });
    expect(suspended).toMatchObject({
      withdrawnOfferIds: [first.id],
      orderIdsToMatch: [order.id],
      acceptedJobs: 0,
    });
    expect(await db.offer.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "WITHDRAWN",
      withdrawReason: "Additiv Berlin GmbH was suspended",
      respondedAt: null,
    });
    expect(await db.capacityReservation.count({ where: { offerId: first.id, releasedAt: null } })).toBe(0);
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("AWAITING_MATCH");
    expect(await db.company.findUniqueOrThrow({ where: { id: additiv } })).toMatchObject({
      status: "SUSPENDED",
      suspendedReason: "Two late deliveries in a row; we talk it over.",
    });

    // The next match offers the line to the approved supplier and says why Additiv was skipped.
    const [outcome] = await matchWaitingLines(db, { orderId: order.id, trigger: "partner suspended" });
    expect(outcome).toMatchObject({ kind: "offered", supplierCompanyId: schmidt });
    const decision = await db.matchDecision.findFirstOrThrow({
      where: { orderLineId: line.id },
      orderBy: { createdAt: "desc" },
    });
    expect(
      (decision.candidates as { skipped: { companyId: string; reason: string }[] }).skipped,
    ).toContainEqual(
      // Issue 21: its withdrawn offer no longer counts against it; its suspension does.
      expect.objectContaining({ companyId: additiv, reason: "is suspended" }),
    );

    await expect(
      suspendSupplier(db, olga, additiv, { reason: "Once more, with feeling." }),
    ).rejects.toMatchObject({
      code: "invalid_state_transition",
    });
    await expect(suspendSupplier(db, olga, additiv, { reason: "short" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["reason"] })],
    });
    await reinstateSupplier(db, olga, additiv, { reason: "Talked it over; deliveries are back on time." });
    expect((await db.company.findUniqueOrThrow({ where: { id: additiv } })).status).toBe("ACTIVE");
    const actions = await db.auditLogEntry.findMany({
      where: { entityType: "Company", entityId: additiv },
      orderBy: { id: "asc" },
      select: { action: true, actorUserId: true },
    });
    expect(actions).toEqual([
      { action: "supplier.suspend", actorUserId: "seed_user_olga" },
      { action: "supplier.reinstate", actorUserId: "seed_user_olga" },
    ]);
  });

  it("reinstates only with a valid approval, and an approval puts lines nobody could take back to matching", async () => {
    // Ordered while both print partners were still active: the shop no longer accepts an order no partner
    // could take (lib/small-orders), so the line becomes one nobody can take by the suspensions below.
    const { order, line } = await placePrintOrder();
    await suspendSupplier(db, olga, additiv, { reason: "Audit expired; re-audit needed before new jobs." });
    await db.supplierAudit.updateMany({
      where: { supplierCompanyId: additiv },
      data: { expiresAt: new Date("2026-11-30T00:00:00Z") },
    });
    await expect(
      reinstateSupplier(db, olga, additiv, { reason: "Trying without a valid audit." }, now),
    ).rejects.toMatchObject({ message: expect.stringContaining("has no valid approved audit") });

    // With both print suppliers out, an FDM line is unmatched.
    await suspendSupplier(db, olga, schmidt, { reason: "Out for this test, back shortly." });
    const [outcome] = await matchWaitingLines(db, { orderId: order.id, trigger: "order confirmed" });
    expect(outcome).toEqual({ kind: "unmatched" });

    const audit = await openAudit(db, olga, additiv, { purpose: "Reinstatement" });
    await expect(openAudit(db, olga, additiv, { purpose: "Renewal" })).rejects.toMatchObject({
      message: expect.stringContaining("has an audit in progress already"),
    });
    await saveAuditChecklist(db, olga, audit.id, {
      ...passedChecklist,
      itSecurity: { result: "failed", method: "documents", note: "CAD files on an unencrypted NAS" },
    });
    await addAuditEvidence({ db, storage }, olga, audit.id, {
      description: "Video call protocol",
      file: pdf("call.pdf"),
    });
    await expect(
      decideAudit(db, olga, audit.id, { decision: "approve-with-conditions", expiresOn: "2027-06-30" }, now),
    ).rejects.toMatchObject({ details: { field: "conditions" } });
    const decided = await decideAudit(
      db,
      olga,
      audit.id,
      {
        decision: "approve-with-conditions",
        expiresOn: "2027-06-30",
        conditions: "Encrypt the NAS holding customer CAD files by 2027-01-31 and send the proof.",
      },
      now,
    );
    expect(decided).toEqual({ status: "APPROVED_WITH_CONDITIONS", orderIdsToMatch: [order.id] });
    expect((await db.company.findUniqueOrThrow({ where: { id: additiv } })).status).toBe("ACTIVE");
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("AWAITING_MATCH");
    const [again] = await matchWaitingLines(db, { orderId: order.id, trigger: "operations" });
    expect(again).toMatchObject({ kind: "offered", supplierCompanyId: additiv });
  });

  it("names everything an approval still lacks in one refusal, each field's beside it", async () => {
    // Walk 10: a new Polish partner's auditor approving too early met the unchecked items, then the
    // missing evidence, then the empty profile, then the conditions' text, one round trip each.
    const { applyAsSupplier } = await import("../../lib/companies/apply-as-supplier");
    const { companyId } = await applyAsSupplier(db, {
      companyName: "Zakład Obróbki Skrawaniem „Wiśniewski i Synowie” Sp. z o.o.",
      countryCode: "PL",
      city: "Bielsko-Biała",
      processes: ["CNC_MILLING"],
      references: "Obudowy dla Fiat Powertrain, 2023, 2 000 szt.",
      name: "Łukasz Wiśniewski",
      email: "lukasz@wisniewski-cnc.example",
      password: "Bielsko-Biała-2026",
    });
    const audit = await db.supplierAudit.findFirstOrThrow({ where: { supplierCompanyId: companyId } });
    const refusal = await decideAudit(
      db,
      olga,
      audit.id,
      { decision: "approve-with-conditions", expiresOn: "2027-12-01", conditions: "" },
      now,
    ).catch((error: AppError) => error);
    expect(refusal).toMatchObject({
      code: "validation_failed",
      details: {
        fields: [
          {
            path: "",
            message: expect.stringMatching(
              /^Check every item first and save the checklist.* Attach the evidence first.* has declared no machine, .*the matcher could never offer it a job/,
            ),
          },
          { path: "conditions", message: "Write down the conditions the partner must meet, and by when." },
        ],
      },
    });
    const approve = await decideAudit(
      db,
      olga,
      audit.id,
      { decision: "approve", expiresOn: "2026-12-01" },
      now,
    ).catch((error: AppError) => error);
    expect(approve).toMatchObject({
      details: {
        fields: [
          { path: "", message: expect.stringContaining("Not every check has passed in the saved checklist") },
          { path: "expiresOn", message: "The approval must expire after today." },
        ],
      },
    });
    expect(await db.supplierAudit.findUniqueOrThrow({ where: { id: audit.id } })).toMatchObject({
      status: "PENDING",
    });
  });

  it("rejects an applicant with reasons, shows audits and certificates 30 days before they expire and reminds their partners", async () => {
    const { companyId } = await import("../../lib/companies/apply-as-supplier").then(({ applyAsSupplier }) =>
      applyAsSupplier(db, {
        companyName: "Garage Fräser",
        countryCode: "DE",
        city: "Halle",
        processes: ["CNC_MILLING"],
        references: "None yet, we are just starting out.",
        name: "Gero",
        email: "gero@garage-fraeser.example",
        password: "long-enough-pw",
      }),
    );
    const audit = await db.supplierAudit.findFirstOrThrow({ where: { supplierCompanyId: companyId } });
    await expect(
      decideAudit(db, olga, audit.id, { decision: "reject", note: "no" }, now),
    ).rejects.toMatchObject({
      details: { field: "note" },
    });
    await decideAudit(
      db,
      olga,
      audit.id,
      { decision: "reject", note: "No machine of its own; hobby workshop." },
      now,
    );
    expect((await db.company.findUniqueOrThrow({ where: { id: companyId } })).status).toBe("REJECTED");
    expect(await db.supplierAudit.findUniqueOrThrow({ where: { id: audit.id } })).toMatchObject({
      status: "REJECTED",
      decisionNote: "No machine of its own; hobby workshop.",
      expiresAt: null,
    });

    await db.supplierAudit.update({
      where: { id: "seed_audit_rossi" },
      data: { expiresAt: new Date("2026-12-20T00:00:00Z") },
    });
    const soon = await listExpiringApprovals(db, now);
    expect(soon.audits).toContainEqual({
      companyId: "seed_company_rossi",
      name: "Fresatura Rossi S.r.l.",
      expiresOn: "2026-12-20",
      daysLeft: 17,
      renewalOpen: false,
    });
    expect(soon.audits.map((entry) => entry.companyId)).not.toContain("seed_company_mueller");
    // Nowak's ISO 9001 runs out on 2026-12-15.
    expect(soon.certificates).toContainEqual(
      expect.objectContaining({
        companyId: "seed_company_nowak",
        kind: "ISO_9001",
        validUntil: "2026-12-15",
        daysLeft: 12,
      }),
    );
    const earlier = await listExpiringApprovals(db, new Date("2026-10-01T09:00:00Z"));
    expect(earlier.certificates.map((entry) => entry.companyId)).not.toContain("seed_company_nowak");
    expect(earlier.audits.map((entry) => entry.companyId)).not.toContain("seed_company_rossi");

    // The suppliers hear of it by e-mail: once per stage (30 days, a week, expired), however often the
    // daily job runs.
    const remindersTo = (address: string) =>
      db.outboxEmail.findMany({ where: { toAddress: address }, orderBy: { createdAt: "asc" } });
    const rossiBefore = (await remindersTo("partner@rossi-fresatura.example")).length;
    await Promise.all([sendExpiryReminders(db, now), sendExpiryReminders(db, now)]);
    await sendExpiryReminders(db, now);
    const rossi = (await remindersTo("partner@rossi-fresatura.example")).slice(rossiBefore);
    expect(rossi.map((email) => email.subject)).toEqual(["Your partner approval expires on 20 Dec 2026"]);
    expect(rossi[0]!.text).toContain("(in 17 days)");
    expect(
      (await remindersTo("partner@nowak-cnc.example")).filter((email) => email.subject.includes("ISO 9001")),
    ).toEqual([
      expect.objectContaining({
        subject: "Your ISO 9001 certificate expires on 15 Dec 2026",
        text: expect.stringContaining("/supplier/profile"),
      }),
    ]);
    await sendExpiryReminders(db, new Date("2026-12-14T09:00:00Z"));
    await sendExpiryReminders(db, new Date("2026-12-21T09:00:00Z"));
    expect(
      (await remindersTo("partner@rossi-fresatura.example")).slice(rossiBefore).map((email) => email.subject),
    ).toEqual([
      "Your partner approval expires on 20 Dec 2026",
      "Your partner approval expires on 20 Dec 2026",
      "Your partner approval expired on 20 Dec 2026",
    ]);
    expect(
      await db.auditLogEntry.count({
        where: { action: "supplier.expiry-reminder", entityType: "Company", entityId: "seed_company_rossi" },
      }),
    ).toBe(3);

    // Nowak adds its renewed ISO 9001 and keeps the old one on file: nothing is due, nobody is reminded.
    await db.certificate.create({
      data: {
        companyId: "seed_company_nowak",
        kind: "ISO_9001",
        number: "PL-9001-4410",
        issuer: "TÜV Rheinland Polska",
        validFrom: new Date("2026-12-10T00:00:00Z"),
        validUntil: new Date("2029-12-09T00:00:00Z"),
      },
    });
    const renewed = await listExpiringApprovals(db, new Date("2026-12-14T09:00:00Z"));
    expect(renewed.certificates.map((entry) => entry.companyId)).not.toContain("seed_company_nowak");
    const nowakBefore = (await remindersTo("partner@nowak-cnc.example")).length;
    await sendExpiryReminders(db, new Date("2026-12-16T09:00:00Z"));
    expect(await remindersTo("partner@nowak-cnc.example")).toHaveLength(nowakBefore);
  });

  it("keeps suspended partners from taking jobs, moves their accepted jobs, and does not overwrite a newer checklist", async () => {
    // Additiv is active (approved with conditions above), Schmidt suspended but with a valid approval.
    const first = await placePrintOrder();
    // Placed while Additiv can still take it (the shop refuses orders nobody could take, lib/small-orders);
    // matched only after Additiv's suspension below, so nobody takes it then.
    const second = await placePrintOrder();
    await matchWaitingLines(db, { orderId: first.order.id, trigger: "order confirmed" });
    const offer = await db.offer.findFirstOrThrow({
      where: { orderLineId: first.line.id, status: "PENDING" },
    });
    expect(offer.supplierCompanyId).toBe(additiv);

    // An offer made just before a suspension cannot be accepted after it.
    await db.company.update({ where: { id: additiv }, data: { status: "SUSPENDED" } });
    await expect(
      acceptOffer(db, { userId: "seed_user_additiv-berlin", companyId: additiv }, offer.id),
    ).rejects.toThrow("Your company is suspended");
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PENDING");
    await db.company.update({ where: { id: additiv }, data: { status: "ACTIVE" } });
    await acceptOffer(db, { userId: "seed_user_additiv-berlin", companyId: additiv }, offer.id);

    // Suspended, Additiv keeps its accepted job; a new print order finds nobody.
    const suspended = await suspendSupplier(db, olga, additiv, { reason: "Deliveries late again; paused." });
    expect(suspended).toMatchObject({ withdrawnOfferIds: [], acceptedJobs: 1 });
    expect(await matchWaitingLines(db, { orderId: second.order.id, trigger: "order confirmed" })).toEqual([
      { kind: "unmatched" },
    ]);

    // Reinstating Schmidt sends the line nobody could take back to matching.
    const reinstated = await reinstateSupplier(db, olga, schmidt, {
      reason: "Back from the pause, as agreed.",
    });
    expect(reinstated.orderIdsToMatch).toEqual([second.order.id]);
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: second.line.id } })).status).toBe(
      "AWAITING_MATCH",
    );

    // Operations move the suspended supplier's accepted job to Schmidt.
    await reofferOrderLine(db, olga, first.line.id, { supplierCompanyId: schmidt });
    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      status: "WITHDRAWN",
      withdrawReason: "Re-offered by operations to Werkstatt Schmidt Rapid",
    });
    expect(await db.capacityReservation.count({ where: { offerId: offer.id, releasedAt: null } })).toBe(0);
    expect(await db.orderLine.findUniqueOrThrow({ where: { id: first.line.id } })).toMatchObject({
      status: "OFFERED",
      supplierCompanyId: null,
    });
    expect(
      await db.outboxEmail.count({
        where: { toAddress: "partner@additiv-berlin.example", subject: { startsWith: "Job withdrawn" } },
      }),
    ).toBe(1);

    // Two auditors: the one whose page is older cannot overwrite the other's checklist.
    const audit = await openAudit(db, olga, additiv, { purpose: "Reinstatement" });
    const shownAt = audit.updatedAt.toISOString();
    await saveAuditChecklist(db, { userId: "seed_user_olga" }, audit.id, passedChecklist, shownAt);
    await expect(
      saveAuditChecklist(
        db,
        olga,
        audit.id,
        { ...passedChecklist, machines: { result: "open", method: "", note: "" } },
        shownAt,
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    const stored = await db.supplierAudit.findUniqueOrThrow({ where: { id: audit.id } });
    expect(stored.checklist).toMatchObject({ machines: { result: "passed" } });
    // The refusal carries what is stored and its version, so the form can show both and save on purpose.
    const refusal = await saveAuditChecklist(db, olga, audit.id, passedChecklist, shownAt).catch(
      (error: unknown) => error as AppError,
    );
    expect(refusal).toMatchObject({
      code: "conflict",
      details: {
        checklistConflict: {
          savedBy: "Olga Brandt",
          updatedAt: stored.updatedAt.toISOString(),
          checklist: { machines: { result: "passed" } },
        },
      },
    });
    await saveAuditChecklist(
      db,
      olga,
      audit.id,
      { ...passedChecklist, machines: { result: "open", method: "", note: "" } },
      stored.updatedAt.toISOString(),
    );
    expect((await db.supplierAudit.findUniqueOrThrow({ where: { id: audit.id } })).checklist).toMatchObject({
      machines: { result: "open" },
    });
  });
});

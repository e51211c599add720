import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerComplaint } from "../../lib/complaints/answer-complaint";
import { openComplaintPhoto } from "../../lib/complaints/open-complaint-photo";
import { storeComplaintPhotos } from "../../lib/complaints/store-complaint-photos";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { loadJobMessages } from "../../lib/messages/load-job-messages";
import { postJobMessage } from "../../lib/messages/post-job-message";
import { updateComplaintWindow } from "../../lib/settings/update-complaint-window";
import type { FileStorage } from "../../lib/storage/file-storage";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { decideComplaint } from "../../lib/workflows/decide-complaint";
import { fileComplaint } from "../../lib/workflows/file-complaint";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna, mueller, placeMillingOrder, shipThroughMueller } from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

const olga = { userId: "seed_user_olga", companyId: "seed_company_platform" };
const buyer = { userId: anna.userId, companyId: acme };
const rossi = { userId: "seed_user_rossi", companyId: "seed_company_rossi" };
const supplierAddress = "partner@mueller-cnc.example";
const jpeg = () =>
  new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], "dent.jpg", { type: "image/jpeg" });
const png = () =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], "answer.png", {
    type: "image/png",
  });
const decision = {
  decision: "REJECTED",
  resolution: "Within the drawing's tolerance.",
  supplierPayout: "PAY",
};

// Issue 21, "People and communication" (i21-talk, docs/decisions/0042): operations see the buyer's
// complaint photos through a guarded route; the partner answers before operations decide; messages per
// job between the partner and operations, buyers through operations, no contact details either way; every
// e-mail about them links to its page.
describe("complaint answers, complaint photos and job messages", () => {
  let db: Database;
  let storage: FileStorage;
  const mailsSince = (since: Date, toAddress?: string) =>
    db.outboxEmail.findMany({
      where: { createdAt: { gte: since }, ...(toAddress ? { toAddress } : {}) },
      orderBy: { createdAt: "asc" },
    });

  async function shippedLine() {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, order.id, line.id);
    return { order, line };
  }

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    storage = createLocalFileStorage(await fs.mkdtemp(path.join(os.tmpdir(), "complaint-answers-")));
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
  });
  afterAll(async () => {
    await db.$disconnect();
  });
  // Each test's line goes to Müller, as in complaint-window.test.ts: free capacity, no score from the last.
  beforeEach(async () => {
    await db.weeklyCapacity.updateMany({
      where: { companyId: mueller.companyId, process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 500 },
    });
    await db.offer.updateMany({ where: { status: "PENDING" }, data: { status: "WITHDRAWN" } });
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
    await db.supplierScore.deleteMany();
  });

  it("gives the partner working days to answer (a setting), e-mails it a link to its job, and holds the decision until then unless operations give a reason", async () => {
    await updateComplaintWindow(db, olga, {
      days: "14",
      supplierAnswerWorkingDays: "3",
      reason: "Partners asked.",
    });
    const { order, line } = await shippedLine();
    const since = new Date();
    // Monday 7 Dec 2026, 10:00 Berlin: three working days later is Thursday 10:00.
    const filedAt = new Date("2026-12-07T09:00:00Z");
    const complaint = await fileComplaint(
      { db, storage },
      buyer,
      line.id,
      { text: "Two of the ten plates have a dent on the sealing face.", photos: [jpeg()] },
      filedAt,
    );
    expect(complaint.supplierAnswerDueAt).toEqual(new Date("2026-12-10T09:00:00Z"));

    const [supplierMail] = await mailsSince(since, supplierAddress);
    expect(supplierMail!.subject).toContain("please answer by 10 Dec 2026, 10:00 CET");
    expect(supplierMail!.text).toContain(`/supplier/jobs/${line.id}`);
    expect(supplierMail!.text).toMatch(/^https?:\/\/[^\s]+\/supplier\/jobs\//m);
    const opsMail = (await mailsSince(since)).find(
      (mail) => mail.subject === `Complaint on order ${order.number}`,
    );
    expect(opsMail!.text).toMatch(new RegExp(`https?://\\S+/ops/orders/${order.id}`));

    // Before the answer and the deadline: no decision without a reason.
    await expect(
      decideComplaint(db, olga, complaint.id, decision, new Date("2026-12-08T09:00:00Z")),
    ).rejects.toMatchObject({ code: "validation_failed", details: { field: "earlyDecisionReason" } });
    await expect(
      decideComplaint(db, olga, complaint.id, decision, new Date("2026-12-08T09:00:00Z")),
    ).rejects.toThrow(/may answer until 10 Dec 2026, 10:00 CET/);
    // With a reason it goes through, and the reason is kept.
    await decideComplaint(
      db,
      olga,
      complaint.id,
      { ...decision, earlyDecisionReason: "The buyer needs the parts for an audit on Wednesday." },
      new Date("2026-12-08T09:00:00Z"),
    );
    const decided = await db.complaint.findUniqueOrThrow({ where: { id: complaint.id } });
    expect(decided).toMatchObject({
      status: "REJECTED",
      earlyDecisionReason: "The buyer needs the parts for an audit on Wednesday.",
    });
    const decisionMail = (await mailsSince(since, supplierAddress)).find((mail) =>
      mail.subject.endsWith(": rejected"),
    );
    expect(decisionMail!.text).toMatch(new RegExp(`https?://\\S+/supplier/jobs/${line.id}`));
    await updateComplaintWindow(db, olga, { days: "14", supplierAnswerWorkingDays: "2", reason: "Back." });
  });

  it("after the deadline operations decide without a reason", async () => {
    const { line } = await shippedLine();
    const complaint = await fileComplaint({ db, storage }, buyer, line.id, {
      text: "The thread is M5 instead of M6 on all parts.",
      photos: [],
    });
    const afterDeadline = new Date(complaint.supplierAnswerDueAt!.getTime() + 60_000);
    await decideComplaint(db, olga, complaint.id, decision, afterDeadline);
    expect(
      (await db.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).earlyDecisionReason,
    ).toBeNull();
  });

  it("lets the line's partner answer once with photos; operations are told with a link and decide at once", async () => {
    const { order, line } = await shippedLine();
    const complaint = await fileComplaint({ db, storage }, buyer, line.id, {
      text: "The anodising is patchy on three parts.",
      photos: [jpeg()],
    });
    const answer = { answer: "The parts left us even; see our outgoing inspection photo.", photos: [png()] };
    await expect(answerComplaint({ db, storage }, rossi, complaint.id, answer)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      answerComplaint({ db, storage }, mueller, complaint.id, {
        answer: "Call Anna Weber, she knows.",
        photos: [],
      }),
    ).rejects.toThrow(/the name "Anna Weber"/);
    const since = new Date();
    await answerComplaint({ db, storage }, mueller, complaint.id, answer);
    await expect(answerComplaint({ db, storage }, mueller, complaint.id, answer)).rejects.toThrow(
      /answered this complaint already/,
    );
    const saved = await db.complaint.findUniqueOrThrow({ where: { id: complaint.id } });
    expect(saved.supplierAnswer).toBe(answer.answer);
    expect(saved.supplierAnswerPhotoKeys).toHaveLength(1);
    const [opsMail] = await mailsSince(since);
    expect(opsMail!.subject).toBe(`Complaint on order ${order.number}: the partner answered`);
    expect(opsMail!.text).toMatch(new RegExp(`https?://\\S+/ops/orders/${order.id}`));
    // Answered: no reason needed, even long before the deadline.
    await decideComplaint(db, olga, complaint.id, decision);
    await expect(answerComplaint({ db, storage }, mueller, complaint.id, answer)).rejects.toThrow(
      /decided this complaint already/,
    );
  });

  it("serves complaint photos to operations, the buyer's company and the line's partner only, each read audited, typed by its bytes", async () => {
    const { line } = await shippedLine();
    const notAnImage = new File(["<script>alert(1)</script>"], "x.jpg", { type: "image/jpeg" });
    const text = "Photos of the scratched face attached.";
    // Refused by its bytes when filed (lib/complaints/check-complaint-photos.ts)…
    await expect(
      fileComplaint({ db, storage }, buyer, line.id, { text, photos: [jpeg(), notAnImage] }),
    ).rejects.toThrow('"x.jpg" is not a photo');
    const complaint = await fileComplaint({ db, storage }, buyer, line.id, { text, photos: [jpeg()] });
    // …and, kept before that check, still served only as bytes by the route.
    await db.complaint.update({
      where: { id: complaint.id },
      data: { photoStorageKeys: { push: await storeComplaintPhotos(storage, [notAnImage]) } },
    });
    const reader = (role: string, companyId: string, userId: string) => ({
      role,
      companyId,
      userId,
      ipAddress: "203.0.113.9",
    });
    const ops = await openComplaintPhoto(
      db,
      storage,
      reader("OPERATIONS", olga.companyId, olga.userId),
      complaint.id,
      "b0",
    );
    expect(ops).toMatchObject({ contentType: "image/jpeg", inline: true });
    expect([...ops.bytes]).toEqual([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const audit = await db.auditLogEntry.findFirstOrThrow({
      where: {
        action: "file.read",
        entityType: "Complaint",
        entityId: complaint.id,
        actorUserId: olga.userId,
      },
    });
    expect(audit).toMatchObject({ ipAddress: "203.0.113.9", data: { photo: "b0", by: "buyer" } });
    await expect(
      openComplaintPhoto(db, storage, reader("BUYER_ENGINEER", acme, "seed_user_ben"), complaint.id, "b0"),
    ).resolves.toMatchObject({ contentType: "image/jpeg" });
    await expect(
      openComplaintPhoto(
        db,
        storage,
        reader("SUPPLIER_MEMBER", mueller.companyId, "seed_user_mueller_staff"),
        complaint.id,
        "b0",
      ),
    ).resolves.toMatchObject({ contentType: "image/jpeg" });
    for (const [role, companyId, userId] of [
      ["SUPPLIER_ADMIN", rossi.companyId, rossi.userId],
      ["BUYER_ADMIN", mueller.companyId, mueller.userId],
      ["SUPPLIER_ADMIN", acme, anna.userId],
    ] as const)
      await expect(
        openComplaintPhoto(db, storage, reader(role, companyId, userId), complaint.id, "b0"),
      ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      openComplaintPhoto(db, storage, reader("OPERATIONS", olga.companyId, olga.userId), complaint.id, "b7"),
    ).rejects.toMatchObject({ code: "not_found" });
    // Claimed a JPEG, is a script: downloaded as bytes, never shown as an image or page.
    await expect(
      openComplaintPhoto(db, storage, reader("OPERATIONS", olga.companyId, olga.userId), complaint.id, "b1"),
    ).resolves.toMatchObject({ contentType: "application/octet-stream", inline: false });
    expect(
      await db.auditLogEntry.count({
        where: { action: "file.read", entityType: "Complaint", entityId: complaint.id },
      }),
    ).toBe(4);
  });

  it("carries messages between the partner and operations per line, the buyer's through operations, and refuses contact details", async () => {
    const { order, line } = await shippedLine();
    const since = new Date();
    await postJobMessage(
      db,
      mueller,
      { side: "SUPPLIER", orderLineId: line.id },
      {
        text: "May we ship the parts with a protective film on the sealing face?",
      },
    );
    const [toOps] = await mailsSince(since);
    expect(toOps!.toAddress).not.toBe(supplierAddress);
    expect(toOps!.text).toMatch(new RegExp(`https?://\\S+/ops/orders/${order.id}`));

    for (const text of [
      "Please reply to jonas@mueller-cnc.example",
      "Ring me on +49 711 1234567",
      "Ask Paula Schmitt in purchasing",
    ])
      await expect(
        postJobMessage(db, mueller, { side: "SUPPLIER", orderLineId: line.id }, { text }),
      ).rejects.toMatchObject({ code: "validation_failed", details: { field: "text" } });
    await expect(
      postJobMessage(db, buyer, { side: "BUYER", orderId: order.id }, { text: "Can Jonas Müller call me?" }),
    ).rejects.toThrow(/the name "Jonas Müller"/);
    // Not its line, not its order: nothing to write to.
    await expect(
      postJobMessage(db, rossi, { side: "SUPPLIER", orderLineId: line.id }, { text: "Hello there" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      postJobMessage(
        db,
        { userId: "seed_user_mueller", companyId: mueller.companyId },
        { side: "BUYER", orderId: order.id },
        {
          text: "Hello there",
        },
      ),
    ).rejects.toMatchObject({ code: "not_found" });

    const question = await postJobMessage(
      db,
      buyer,
      { side: "BUYER", orderId: order.id },
      {
        text: "Could the parts come with a film on the sealing face?",
      },
    );
    const beforeForward = new Date();
    await postJobMessage(
      db,
      olga,
      { side: "OPERATIONS", thread: "PARTNER", orderLineId: line.id, forwardedFromId: question.id },
      { text: "Yes, the buyer wants the film; please add it." },
    );
    await postJobMessage(
      db,
      olga,
      { side: "OPERATIONS", thread: "BUYER", orderId: order.id },
      {
        text: "The partner adds the film.",
      },
    );
    const supplierThread = await loadJobMessages(db, { thread: "PARTNER", orderLineId: line.id });
    expect(supplierThread.map((message) => [message.authorSide, message.authorName])).toEqual([
      ["SUPPLIER", null],
      ["OPERATIONS", null],
    ]);
    expect(supplierThread[1]!.forwardedFromId).toBe(question.id);
    // The buyer's own words never reach the partner's thread.
    expect(supplierThread.some((message) => message.text.includes("Could the parts"))).toBe(false);
    const buyerThread = await loadJobMessages(db, { thread: "BUYER", orderId: order.id });
    expect(buyerThread.map((message) => message.authorSide)).toEqual(["BUYER", "OPERATIONS"]);
    const mails = await mailsSince(beforeForward);
    const toSupplier = mails.find((mail) => mail.toAddress === supplierAddress);
    expect(toSupplier!.text).toMatch(new RegExp(`https?://\\S+/supplier/jobs/${line.id}`));
    const toBuyer = mails.find((mail) => mail.toAddress === anna.email);
    expect(toBuyer!.text).toMatch(new RegExp(`https?://\\S+/orders/${order.id}`));
    expect(toBuyer!.text).not.toContain("Müller");
  });
});

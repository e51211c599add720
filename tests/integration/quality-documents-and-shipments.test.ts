import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { acceptOffer } from "../../lib/matching/respond-to-offer";
import { openQualityDocument } from "../../lib/quality-documents/open-quality-document";
import { uploadQualityDocument } from "../../lib/quality-documents/upload-quality-document";
import { recordShipment } from "../../lib/shipments/record-shipment";
import type { FileStorage } from "../../lib/storage/file-storage";
import { deleteUnreferencedFile } from "../../lib/storage/delete-unreferenced-file";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { loadSupplierOffer } from "../../lib/suppliers/load-supplier-offer";
import { updateJobStatus } from "../../lib/suppliers/update-job-status";
import { confirmDelivery } from "../../lib/workflows/confirm-delivery";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";
import type { QualityDocumentKind } from "../../lib/db/generated/enums";

// Issue 21 (i21-quality, docs/decisions/0043): quality documents the buyer asks for, uploaded per job by the
// supplier before anything ships; parcels with carriers' tracking links; the line ships with its last parcel.
const pdf = (name: string, bytes = 64) =>
  new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, ...new Array<number>(bytes).fill(0x20)])], name, {
    type: "application/pdf",
  });
const png = (name: string) =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], name, {
    type: "image/png",
  });

describe("quality documents and partial shipments", () => {
  let db: Database;
  let storage: FileStorage;

  /** An order asking for `documents`, offered, accepted by the best supplier and in production. */
  async function jobInProduction(requiredQualityDocuments: QualityDocumentKind[] = [], quantity = 10) {
    const { order, line } = await placeAcmeOrder(db, { requiredQualityDocuments, quantity });
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
    const supplier = { userId: "seed_user_mueller", companyId: offer.supplierCompanyId };
    // The supplier knows what the order asks for before accepting.
    const shown = await loadSupplierOffer(db, supplier.companyId, offer.id);
    expect(shown.orderLine.order.requiredQualityDocuments).toEqual(requiredQualityDocuments);
    await acceptOffer(db, supplier, offer.id);
    await updateJobStatus(db, supplier, line.id, { to: "IN_PRODUCTION" });
    return { order, line, supplier };
  }
  const upload = (
    supplier: { userId: string; companyId: string },
    lineId: string,
    kind: string,
    file: File,
  ) => uploadQualityDocument({ db, storage }, supplier, lineId, { kind, file });
  const statusOf = async (lineId: string) =>
    (await db.orderLine.findUniqueOrThrow({ where: { id: lineId } })).status;

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    storage = createLocalFileStorage(await fs.mkdtemp(path.join(os.tmpdir(), "quality-documents-")));
  });
  afterAll(() => db.$disconnect());
  beforeEach(async () => {
    // Every test's order finds a supplier with hours to spare.
    await db.weeklyCapacity.updateMany({ data: { machineHoursPerWeek: 500 } });
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
  });

  it("refuses to ship, parcel or whole job, until every document the order asks for is uploaded", async () => {
    const { order, line, supplier } = await jobInProduction([
      "CERTIFICATE_OF_CONFORMITY",
      "MATERIAL_CERTIFICATE_3_1",
    ]);
    expect(order.requiredQualityDocuments).toEqual(["CERTIFICATE_OF_CONFORMITY", "MATERIAL_CERTIFICATE_3_1"]);
    const parcel = { carrier: "DHL", trackingNumber: "JJD000390007827346", quantity: 10 };
    await expect(recordShipment(db, supplier, line.id, parcel)).rejects.toThrow(
      "The order asks for the certificate of conformity and material certificate 3.1 (EN 10204): upload them before shipping.",
    );
    await expect(
      updateJobStatus(db, supplier, line.id, { to: "SHIPPED", carrier: "DHL", trackingNumber: "JJD0001" }),
    ).rejects.toThrow(/upload them before shipping/);

    await upload(supplier, line.id, "CERTIFICATE_OF_CONFORMITY", pdf("coc.pdf"));
    await expect(recordShipment(db, supplier, line.id, parcel)).rejects.toThrow(
      "The order asks for the material certificate 3.1 (EN 10204): upload it before shipping.",
    );
    expect(await statusOf(line.id)).toBe("IN_PRODUCTION");
    expect(await db.shipment.count({ where: { orderLineId: line.id } })).toBe(0);

    await upload(supplier, line.id, "MATERIAL_CERTIFICATE_3_1", pdf("3.1 AlMgSi1.pdf"));
    const shipped = await recordShipment(db, supplier, line.id, parcel);
    expect(shipped).toMatchObject({ complete: true, shippedQuantity: 10 });
    expect(await statusOf(line.id)).toBe("SHIPPED");
    // Once shipped, nothing more is added to the job.
    await expect(upload(supplier, line.id, "INSPECTION_REPORT", pdf("late.pdf"))).rejects.toThrow(
      /no open job/,
    );
  });

  it("checks each file by its first bytes, its type for the document and its size", async () => {
    const { line, supplier } = await jobInProduction(["INSPECTION_REPORT"]);
    const renamed = new File(["just text"], "report.pdf", { type: "application/pdf" });
    await expect(upload(supplier, line.id, "INSPECTION_REPORT", renamed)).rejects.toThrow(
      /is not a PDF, PNG or JPEG file/,
    );
    await expect(upload(supplier, line.id, "CERTIFICATE_OF_CONFORMITY", png("coc.png"))).rejects.toThrow(
      /is not a PDF file; attach the certificate of conformity as a PDF file/,
    );
    await expect(
      upload(supplier, line.id, "MATERIAL_CERTIFICATE_3_1", pdf("huge.pdf", 10 * 1024 * 1024)),
    ).rejects.toThrow(/larger than 10 MB/);
    await expect(upload(supplier, line.id, "NOT_A_KIND", pdf("x.pdf"))).rejects.toThrow(
      /Choose which document this is/,
    );
    const other = { userId: "seed_user_mueller", companyId: "seed_company_acme" };
    await expect(upload(other, line.id, "INSPECTION_REPORT", pdf("x.pdf"))).rejects.toThrow(/no open job/);

    const photo = await upload(supplier, line.id, "INSPECTION_REPORT", png("measurements"));
    expect(photo).toMatchObject({
      kind: "INSPECTION_REPORT",
      fileName: "measurements.png",
      contentType: "image/png",
    });
    expect(await storage.exists(photo.storageKey)).toBe(true);
    expect(await db.qualityDocument.count({ where: { orderLineId: line.id } })).toBe(1);
  });

  it("keeps a quality document's file when a clean-up asks whether anything still names it", async () => {
    // Decision 0069: the clean-up of unused files (failed uploads, deleted parts) did not ask QualityDocument,
    // so the same bytes uploaded and dropped elsewhere took the document's file with them.
    const { line, supplier } = await jobInProduction();
    const document = await upload(supplier, line.id, "INSPECTION_REPORT", pdf("report.pdf", 99));
    expect(await deleteUnreferencedFile(db, storage, document.storageKey)).toBe(false);
    expect(await storage.exists(document.storageKey)).toBe(true);
  });

  it("ships in parcels: the line is shipped with the last one, delivery and payout follow as for one parcel", async () => {
    const { order, line, supplier } = await jobInProduction([], 10);
    const since = new Date();
    await expect(
      recordShipment(db, supplier, line.id, {
        carrier: "UPS",
        trackingNumber: "1Z999AA10123456784",
        quantity: 11,
      }),
    ).rejects.toThrow("The job has 10 parts; enter at most 10.");
    const first = await recordShipment(db, supplier, line.id, {
      carrier: "UPS",
      trackingNumber: "1Z 999 AA1 01 2345 6784",
      quantity: "4",
    });
    expect(first).toMatchObject({ complete: false, shippedQuantity: 4 });
    expect(first.shipment.trackingNumber).toBe("1Z999AA10123456784");
    expect(await statusOf(line.id)).toBe("IN_PRODUCTION");
    await expect(confirmDelivery(db, { userId: anna.userId, companyId: acme }, line.id)).rejects.toThrow(
      /once the partner has shipped the part/,
    );
    await expect(
      recordShipment(db, supplier, line.id, {
        carrier: "DPD",
        trackingNumber: "01234567890123",
        quantity: 7,
      }),
    ).rejects.toThrow("Only 6 of the 10 parts are left to ship; enter at most 6.");
    // The first parcel's tracking number typed again for the second parcel.
    await expect(
      recordShipment(db, supplier, line.id, {
        carrier: "UPS",
        trackingNumber: "1Z999AA10123456784",
        quantity: 6,
      }),
    ).rejects.toThrow(
      "A parcel of this job with 4 parts already has the tracking number 1Z999AA10123456784: enter this parcel's own tracking number.",
    );

    const last = await recordShipment(db, supplier, line.id, {
      carrier: "DPD",
      trackingNumber: "01234567890123",
      quantity: 6,
    });
    expect(last).toMatchObject({ complete: true, shippedQuantity: 10 });
    expect(await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({
      status: "SHIPPED",
      carrier: "DPD",
      trackingNumber: "01234567890123",
    });
    await expect(
      recordShipment(db, supplier, line.id, {
        carrier: "DPD",
        trackingNumber: "01234567890123",
        quantity: 1,
      }),
    ).rejects.toThrow(/shipped in full/);

    // The buyer is told of each parcel, with its carrier's tracking link and the order page.
    const mails = await db.outboxEmail.findMany({
      where: { toAddress: anna.email, createdAt: { gte: since }, subject: { contains: order.number } },
      orderBy: { createdAt: "asc" },
    });
    expect(mails.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/4 × .* shipped \(partial delivery\)/),
      expect.stringMatching(/6 × .* shipped \(last parcel\)/),
    ]);
    expect(mails[0]!.text).toContain("https://www.ups.com/track?loc=en_DE&tracknum=1Z999AA10123456784");
    expect(mails[0]!.text).toContain("6 more will follow");
    expect(mails[1]!.text).toContain("https://tracking.dpd.de/status/en_US/parcel/01234567890123");
    expect(mails[1]!.text).toMatch(new RegExp(`/orders/${order.id}$`));

    const delivered = await confirmDelivery(db, { userId: anna.userId, companyId: acme }, line.id);
    expect(delivered.payoutId).toBeTruthy();
    expect(await statusOf(line.id)).toBe("DELIVERED");
  });

  it("refuses a tracking number that cannot be the carrier's, saying what it looks like", async () => {
    const { line, supplier } = await jobInProduction([], 2);
    await expect(
      recordShipment(db, supplier, line.id, { carrier: "UPS", trackingNumber: "JJD0001234567", quantity: 1 }),
    ).rejects.toThrow(
      /This is not a UPS tracking number: UPS numbers are 1Z followed by 16 letters and digits/,
    );
    await expect(
      recordShipment(db, supplier, line.id, {
        carrier: "UPS",
        trackingNumber: "1Z999AA10123456785",
        quantity: 1,
      }),
    ).rejects.toThrow(/check digit/);
    await expect(
      recordShipment(db, supplier, line.id, { carrier: "INPOST", trackingNumber: "12345", quantity: 1 }),
    ).rejects.toThrow(/InPost numbers are 24 digits/);
    await expect(
      recordShipment(db, supplier, line.id, { carrier: "PIGEON", trackingNumber: "12345678", quantity: 1 }),
    ).rejects.toThrow(/Choose the carrier from the list/);
    expect(await db.shipment.count({ where: { orderLineId: line.id } })).toBe(0);
    // Carriers without one format (here "other") take any plausible number, and get no link.
    await recordShipment(db, supplier, line.id, {
      carrier: "OTHER",
      trackingNumber: "CARGO-7781",
      quantity: 2,
    });
    expect(await statusOf(line.id)).toBe("SHIPPED");
  });

  it("lets the ordering buyer, operations and the job's supplier read a document, nobody else; each read audited", async () => {
    const { order, line, supplier } = await jobInProduction(["CERTIFICATE_OF_CONFORMITY"]);
    const document = await upload(supplier, line.id, "CERTIFICATE_OF_CONFORMITY", pdf("coc.pdf"));
    const read = (reader: Parameters<typeof openQualityDocument>[2], orderId = order.id) =>
      openQualityDocument(db, storage, reader, orderId, document.id);

    const asBuyer = await read({ userId: anna.userId, companyId: acme, area: "buyer" });
    expect(asBuyer).toMatchObject({ fileName: "coc.pdf", contentType: "application/pdf" });
    asBuyer.stream.destroy();
    (
      await read({ userId: "seed_user_olga", companyId: "seed_company_platform", area: "ops" })
    ).stream.destroy();
    (await read({ ...supplier, area: "supplier" })).stream.destroy();

    await expect(
      read({ userId: "seed_user_mueller", companyId: "seed_company_mueller", area: "buyer" }),
    ).rejects.toThrow(/no such document/);
    const otherSupplier =
      supplier.companyId === "seed_company_mueller" ? "seed_company_rossi" : "seed_company_mueller";
    await expect(read({ userId: "x", companyId: otherSupplier, area: "supplier" })).rejects.toThrow(
      /no such document/,
    );
    // The document belongs to its order: another order's id does not reach it.
    await expect(
      read({ userId: "seed_user_olga", companyId: "seed_company_platform", area: "ops" }, "another-order"),
    ).rejects.toThrow(/no such document/);

    // The partner's own route goes by its job (decision 0048): the job's partner reads it, another partner
    // and another job do not reach it.
    const byJob = (reader: Parameters<typeof openQualityDocument>[2], orderLineId = line.id) =>
      openQualityDocument(db, storage, reader, { orderLineId }, document.id);
    const asSupplier = await byJob({ ...supplier, area: "supplier" });
    expect(asSupplier).toMatchObject({ fileName: "coc.pdf", contentType: "application/pdf" });
    asSupplier.stream.destroy();
    await expect(byJob({ userId: "x", companyId: otherSupplier, area: "supplier" })).rejects.toThrow(
      /no such document/,
    );
    await expect(byJob({ ...supplier, area: "supplier" }, "another-line")).rejects.toThrow(
      /no such document/,
    );

    const reads = await db.auditLogEntry.findMany({
      where: { action: "file.read", entityType: "QualityDocument", entityId: document.id },
    });
    expect(reads.map((entry) => entry.actorUserId).sort()).toEqual(
      [anna.userId, "seed_user_olga", supplier.userId, supplier.userId].sort(),
    );
  });
});

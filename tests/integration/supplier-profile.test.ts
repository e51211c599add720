import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { formStateFromError } from "../../lib/errors/form-state-from-error";
import type { FileStorage } from "../../lib/storage/file-storage";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { addCertificate } from "../../lib/suppliers/add-certificate";
import { addMachine } from "../../lib/suppliers/add-machine";
import type { SupplierEditor } from "../../lib/suppliers/assert-supplier-admin";
import { blockDays } from "../../lib/suppliers/block-days";
import { applyAsSupplier } from "../../lib/companies/apply-as-supplier";
import { listProfileGaps } from "../../lib/suppliers/list-profile-gaps";
import { loadSupplierProfile } from "../../lib/suppliers/load-supplier-profile";
import { sheetMachineCapability } from "../../lib/suppliers/sheet-machine-capability";
import { openCertificateFile } from "../../lib/suppliers/open-certificate-file";
import { removeCertificate } from "../../lib/suppliers/remove-certificate";
import { removeMachine } from "../../lib/suppliers/remove-machine";
import { setSupplierMaterials } from "../../lib/suppliers/set-supplier-materials";
import { setSupplierProcesses } from "../../lib/suppliers/set-supplier-processes";
import { unblockDay } from "../../lib/suppliers/unblock-day";
import { updateSupplierLocation } from "../../lib/suppliers/update-supplier-location";
import { seedDatabase } from "../../prisma/seed";
import { createTestPrisma } from "./setup/test-prisma";

const muellerId = "seed_company_mueller";
const mueller: SupplierEditor = { userId: "seed_user_mueller", companyId: muellerId, role: "SUPPLIER_ADMIN" };
const rossi: SupplierEditor = {
  userId: "seed_user_rossi",
  companyId: "seed_company_rossi",
  role: "SUPPLIER_ADMIN",
};
/** A fixed Monday, so that "today", weekends and expiry are the same on every run. */
const now = new Date("2030-01-07T09:00:00Z");

const location = {
  countryCode: "DE",
  region: "Baden-Württemberg",
  city: "Stuttgart",
  postalCode: "70173",
  addressLine: "Königstraße 1",
  latitude: "48,78",
  longitude: "9.18",
  minOrderValueEuros: "1.500,50",
  maxOrderValueEuros: "50000",
};

/** What the form shows for a refused call: the message per field, as the page's forms receive it. */
async function fieldErrorsOf(call: Promise<unknown>) {
  const error = await call.then(
    () => expect.unreachable("the call should have been refused"),
    (refusal: unknown) => refusal,
  );
  return formStateFromError(error, "save").fieldErrors ?? {};
}

const pdf = (name = "iso-9001.pdf") =>
  new File([`%PDF-1.4\n% certificate ${name}\n%%EOF\n`], name, { type: "application/pdf" });

describe("the supplier's profile", () => {
  let db: Database;
  let storageDir: string;
  let storage: FileStorage;
  let member: SupplierEditor;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    storageDir = await fs.mkdtemp(path.join(os.tmpdir(), "certificates-"));
    storage = createLocalFileStorage(storageDir);
    const staff = await db.user.create({
      data: {
        companyId: muellerId,
        email: "staff@mueller-cnc.example",
        name: "Lena Staff",
        passwordHash: "x",
        role: "SUPPLIER_MEMBER",
      },
    });
    member = { userId: staff.id, companyId: muellerId, role: "SUPPLIER_MEMBER" };
  });

  // Blocked days are production staff's too (decision 0041; tests/integration/supplier-teams.test.ts).
  it("lets only an admin change it; staff are told to ask their admin", async () => {
    const machinesBefore = await db.machine.count({ where: { companyId: muellerId } });
    const refusals = [
      updateSupplierLocation(db, member, location),
      setSupplierProcesses(db, member, { offeredProcesses: { CNC_MILLING: "10" } }),
      setSupplierMaterials(db, member, { materialIds: ["seed_material_AL-6061-T6"] }),
      addMachine(db, member, {
        process: "CNC_MILLING",
        name: "Haas VF-2",
        count: "1",
        envelopeXMm: "762",
        envelopeYMm: "406",
        envelopeZMm: "508",
      }),
      removeMachine(db, member, "seed_machine_mueller_0"),
      addCertificate({ db, storage }, member, { fields: {}, file: pdf() }, now),
      removeCertificate(db, member, "seed_certificate_mueller_0"),
    ];
    for (const refusal of refusals)
      await expect(refusal).rejects.toMatchObject({
        code: "forbidden",
        message: expect.stringMatching(/^Only an admin of your company can .*Ask your admin/),
      });
    expect(await db.machine.count({ where: { companyId: muellerId } })).toBe(machinesBefore);
    expect(await fs.readdir(storageDir)).toEqual([]);
  });

  it("saves the location and order values in cents, and says what to fix in each bad field", async () => {
    const company = await updateSupplierLocation(db, mueller, location);
    expect(company).toMatchObject({
      region: "Baden-Württemberg",
      latitude: 48.78,
      longitude: 9.18,
      minOrderValueCents: 150_050,
      maxOrderValueCents: 5_000_000,
    });
    const emptied = await updateSupplierLocation(db, mueller, {
      ...location,
      region: " ",
      latitude: "",
      longitude: "",
      minOrderValueEuros: "",
    });
    expect(emptied).toMatchObject({
      region: null,
      latitude: null,
      longitude: null,
      minOrderValueCents: null,
    });

    expect(
      await fieldErrorsOf(
        updateSupplierLocation(db, mueller, {
          ...location,
          city: "",
          latitude: "91",
          longitude: "east",
          maxOrderValueEuros: "ten",
        }),
      ),
    ).toEqual({
      city: "Enter the city you produce in.",
      latitude: expect.stringContaining("from -90 to 90"),
      longitude: expect.stringContaining("from -180 to 180"),
      maxOrderValueEuros: expect.stringContaining("largest order value you take in euros"),
    });
    expect(
      await fieldErrorsOf(
        updateSupplierLocation(db, mueller, { ...location, latitude: "", maxOrderValueEuros: "100" }),
      ),
    ).toEqual({
      latitude: "Enter both latitude and longitude, or leave both empty.",
      maxOrderValueEuros: "The largest order value must be at least the smallest (€1,500.50).",
    });
    expect(await db.company.findUniqueOrThrow({ where: { id: muellerId } })).toMatchObject({
      city: "Stuttgart",
      maxOrderValueCents: 5_000_000,
    });
    expect(
      await db.auditLogEntry.count({ where: { companyId: muellerId, action: "supplier.location" } }),
    ).toBe(2);
  });

  it("refuses a postal code that is not the country's, naming its format, and keeps the stored one", async () => {
    await updateSupplierLocation(db, mueller, location);
    expect(
      await fieldErrorsOf(updateSupplierLocation(db, mueller, { ...location, postalCode: "7O173" })),
    ).toEqual({ postalCode: '"7O173" is not a postal code in Germany: enter 5 digits, e.g. 80331.' });
    expect(
      await fieldErrorsOf(updateSupplierLocation(db, mueller, { ...location, countryCode: "AT" })),
    ).toEqual({ postalCode: '"70173" is not a postal code in Austria: enter 4 digits, e.g. 1010.' });
    expect(await db.company.findUniqueOrThrow({ where: { id: muellerId } })).toMatchObject({
      countryCode: "DE",
      postalCode: "70173",
    });
    // No postal code at all is still allowed here; the self-billing invoice asks for one later.
    await expect(updateSupplierLocation(db, mueller, { ...location, postalCode: "" })).resolves.toMatchObject(
      {
        postalCode: null,
      },
    );
    await updateSupplierLocation(db, mueller, location);
  });

  it("replaces the offered processes and their weekly hours, dropping what belongs to a dropped process", async () => {
    await setSupplierProcesses(db, mueller, {
      offeredProcesses: { CNC_MILLING: "100", CNC_TURNING: "80", FDM: "37,5" },
    });
    await setSupplierMaterials(db, mueller, {
      materialIds: ["seed_material_AL-6061-T6", "seed_material_POM-C", "seed_material_FDM-PLA"],
    });

    const result = await setSupplierProcesses(db, mueller, { offeredProcesses: { CNC_MILLING: "90" } });
    expect(result).toEqual({ offered: ["CNC_MILLING"], droppedMaterials: 1 });
    expect(await db.supplierProcess.findMany({ where: { companyId: muellerId } })).toEqual([
      { companyId: muellerId, process: "CNC_MILLING" },
    ]);
    expect(
      await db.weeklyCapacity.findMany({
        where: { companyId: muellerId },
        select: { process: true, machineHoursPerWeek: true },
      }),
    ).toEqual([{ process: "CNC_MILLING", machineHoursPerWeek: 90 }]);
    const materials = await db.supplierMaterial.findMany({
      where: { companyId: muellerId },
      select: { material: { select: { code: true } } },
    });
    expect(materials.map((row) => row.material.code).sort()).toEqual(["AL-6061-T6", "POM-C"]);

    expect(
      await fieldErrorsOf(
        setSupplierProcesses(db, mueller, { offeredProcesses: { CNC_MILLING: "8401", FDM: "" } }),
      ),
    ).toEqual({
      "offeredProcesses.CNC_MILLING": expect.stringContaining("from 0 to 8400"),
      "offeredProcesses.FDM": expect.stringContaining("from 0 to 8400"),
    });
    expect(await fieldErrorsOf(setSupplierProcesses(db, mueller, { offeredProcesses: {} }))).toEqual({
      offeredProcesses: "Tick at least one process you offer.",
    });

    const profile = await loadSupplierProfile(db, muellerId, now);
    expect(profile.offeredProcesses).toEqual(["CNC_MILLING"]);
    expect(profile.machineHoursPerWeek).toEqual({ CNC_MILLING: 90 });
    expect(profile.materialGroups.map((group) => group.family)).toEqual(["CNC machining"]);

    await setSupplierProcesses(db, mueller, { offeredProcesses: { CNC_MILLING: "120", CNC_TURNING: "80" } });
  });

  it("takes only materials that an offered process uses", async () => {
    expect(
      await fieldErrorsOf(
        setSupplierMaterials(db, mueller, {
          materialIds: ["seed_material_AL-6061-T6", "seed_material_PBF-TI64"],
        }),
      ),
    ).toEqual({ materialIds: expect.stringContaining("not used by a process you offer") });
    expect(await fieldErrorsOf(setSupplierMaterials(db, mueller, { materialIds: [] }))).toEqual({
      materialIds: expect.stringContaining("at least one material"),
    });
    await expect(
      setSupplierMaterials(db, mueller, {
        materialIds: ["seed_material_STEEL-C45", "seed_material_STEEL-C45", "seed_material_BRASS-CW614N"],
      }),
    ).resolves.toEqual(["BRASS-CW614N", "STEEL-C45"]);
  });

  it("adds and removes machines, and another company's machine does not exist for a partner", async () => {
    const machine = await addMachine(db, mueller, {
      process: "CNC_TURNING",
      name: "Mazak QT-200",
      count: "2",
      envelopeXMm: "300",
      envelopeYMm: "300",
      envelopeZMm: "550.5",
    });
    expect(machine).toMatchObject({ companyId: muellerId, count: 2, envelopeZMm: 550.5 });

    expect(
      await fieldErrorsOf(
        addMachine(db, mueller, {
          process: "LASER",
          name: "",
          count: "0",
          envelopeXMm: "6000",
          envelopeYMm: "0",
          envelopeZMm: "",
        }),
      ),
    ).toEqual({
      process: "Choose the process this machine is for.",
      name: expect.stringContaining("make and model"),
      count: expect.stringContaining("from 1 to 100"),
      envelopeXMm: "Enter the working envelope in X in millimetres, from 1 to 5000.",
      envelopeYMm: "Enter the working envelope in Y in millimetres, from 1 to 5000.",
      envelopeZMm: "Enter the working envelope in Z in millimetres, from 1 to 5000.",
    });
    expect(
      await fieldErrorsOf(
        addMachine(db, mueller, {
          process: "SLA",
          name: "Formlabs Form 4",
          count: "1",
          envelopeXMm: "200",
          envelopeYMm: "125",
          envelopeZMm: "210",
        }),
      ),
    ).toEqual({ process: expect.stringMatching(/^You do not offer SLA yet/) });

    await expect(removeMachine(db, rossi, machine.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.machine.findUnique({ where: { id: machine.id } })).not.toBeNull();
    await removeMachine(db, mueller, machine.id);
    expect(await db.machine.findUnique({ where: { id: machine.id } })).toBeNull();
    await expect(removeMachine(db, mueller, machine.id)).rejects.toMatchObject({ code: "not_found" });
    const actions = await db.auditLogEntry.findMany({
      where: { companyId: muellerId, action: { startsWith: "supplier.machine." } },
      orderBy: { id: "asc" },
    });
    expect(actions.map((entry) => [entry.action, entry.actorUserId, entry.entityId])).toEqual([
      ["supplier.machine.add", mueller.userId, muellerId],
      ["supplier.machine.remove", mueller.userId, muellerId],
    ]);
  });

  it("stores a certificate's scan and serves it to its company and operations only, each read logged", async () => {
    const certificate = await addCertificate(
      { db, storage },
      mueller,
      {
        fields: {
          kind: "ISO_14001",
          number: "DE-14001-1",
          issuer: "TÜV SÜD",
          validFrom: "2029-03-01",
          validUntil: "2030-01-31",
        },
        file: pdf("ISO 14001 scan.PDF"),
      },
      now,
    );
    expect(certificate).toMatchObject({ fileName: "ISO 14001 scan.PDF" });
    expect(await storage.exists(certificate.storageKey!)).toBe(true);

    const opened = await openCertificateFile(
      db,
      storage,
      { ...mueller, ipAddress: "203.0.113.9" },
      certificate.id,
    );
    expect(opened).toMatchObject({ fileName: "ISO 14001 scan.PDF", contentType: "application/pdf" });
    expect(await text(opened.stream)).toContain("% certificate ISO 14001 scan.PDF");
    const olga = {
      userId: "seed_user_olga",
      companyId: "seed_company_platform",
      role: "OPERATIONS" as const,
    };
    (await openCertificateFile(db, storage, olga, certificate.id)).stream.destroy();
    await expect(openCertificateFile(db, storage, rossi, certificate.id)).rejects.toMatchObject({
      code: "not_found",
    });
    const anna = { userId: "seed_user_anna", companyId: "seed_company_acme", role: "BUYER_ADMIN" as const };
    await expect(openCertificateFile(db, storage, anna, certificate.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    const reads = await db.auditLogEntry.findMany({
      where: { action: "file.read", entityType: "Certificate", entityId: certificate.id },
      orderBy: { id: "asc" },
    });
    expect(reads.map((entry) => [entry.actorUserId, entry.ipAddress])).toEqual([
      [mueller.userId, "203.0.113.9"],
      [olga.userId, null],
    ]);

    const profile = await loadSupplierProfile(db, muellerId, now);
    expect(profile.certificates.find((row) => row.id === certificate.id)).toMatchObject({
      validity: "expiring",
      hasFile: true,
    });
    // The seeded ISO 9001 runs until 2028-03-31, before this test's "today".
    expect(profile.certificates.find((row) => row.id === "seed_certificate_mueller_0")).toMatchObject({
      validity: "expired",
      hasFile: false,
    });

    await expect(removeCertificate(db, rossi, certificate.id)).rejects.toMatchObject({ code: "not_found" });
    await removeCertificate(db, mueller, certificate.id);
    expect(await db.certificate.findUnique({ where: { id: certificate.id } })).toBeNull();
  });

  it("refuses a scan that is not a PDF, PNG or JPEG, and expired or inconsistent dates, storing nothing", async () => {
    const before = await db.certificate.count({ where: { companyId: muellerId } });
    const storedBefore = await fs.readdir(storageDir, { recursive: true });
    const fields = {
      kind: "ISO_9001",
      number: "DE-9001-2",
      issuer: "DEKRA",
      validFrom: "2029-06-01",
      validUntil: "2032-05-31",
    };
    const add = (file: File, overrides: Record<string, string> = {}) =>
      addCertificate({ db, storage }, mueller, { fields: { ...fields, ...overrides }, file }, now);

    expect(await fieldErrorsOf(add(new File(["hello"], "notes.txt", { type: "text/plain" })))).toEqual({
      file: '"notes.txt" is not a PDF, PNG or JPEG file; attach the certificate as one of those.',
    });
    expect(
      await fieldErrorsOf(add(new File(["MZ not really"], "scan.pdf", { type: "application/pdf" }))),
    ).toEqual({ file: '"scan.pdf" is not a readable PDF file; attach the original.' });
    const tooLarge = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "huge.png", { type: "image/png" });
    expect(await fieldErrorsOf(add(tooLarge))).toEqual({
      file: '"huge.png" is larger than 10 MB; attach a smaller file.',
    });
    expect(await fieldErrorsOf(add(pdf(), { validUntil: "2029-12-31" }))).toEqual({
      validUntil: "This certificate expired on 31 Dec 2029; add the renewed one.",
    });
    expect(
      await fieldErrorsOf(add(pdf(), { validUntil: "2029-05-31", kind: "ISO_0000", number: "" })),
    ).toEqual({
      kind: "Choose which certificate this is.",
      number: "Enter the certificate number as printed on it.",
      // In the same round, not after the others are fixed.
      validUntil: "The expiry day must be on or after the day it is valid from.",
    });
    expect(await fieldErrorsOf(add(pdf(), { validUntil: "31.05.2032" }))).toEqual({
      validUntil: "Enter the day the certificate expires.",
    });
    expect(await fieldErrorsOf(add(pdf(), { validFrom: "2032-06-01" }))).toEqual({
      validUntil: "The expiry day must be on or after the day it is valid from.",
    });

    expect(await db.certificate.count({ where: { companyId: muellerId } })).toBe(before);
    expect((await fs.readdir(storageDir, { recursive: true })).filter((entry) => entry !== "tmp")).toEqual(
      storedBefore.filter((entry) => entry !== "tmp"),
    );

    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])], "scan", {
      type: "image/png",
    });
    const withoutFile = await addCertificate({ db, storage }, mueller, { fields, file: null }, now);
    expect(withoutFile).toMatchObject({ storageKey: null, fileName: null });
    await expect(openCertificateFile(db, storage, mueller, withoutFile.id)).rejects.toMatchObject({
      code: "not_found",
    });
    const withPng = await add(png);
    expect(withPng.fileName).toBe("scan.png");
    const openedPng = await openCertificateFile(db, storage, mueller, withPng.id);
    openedPng.stream.destroy();
    expect(openedPng.contentType).toBe("image/png");
    const jpeg = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2])], "scan.JPEG", {
      type: "image/jpeg",
    });
    const withJpeg = await add(jpeg);
    expect(withJpeg.fileName).toBe("scan.JPEG");
    const openedJpeg = await openCertificateFile(db, storage, mueller, withJpeg.id);
    openedJpeg.stream.destroy();
    expect(openedJpeg.contentType).toBe("image/jpeg");
    const profile = await loadSupplierProfile(db, muellerId, now);
    expect(profile.certificates.find((row) => row.id === withPng.id)?.validity).toBe("valid");
  });

  it("blocks a period's working days, skipping weekends and days already blocked", async () => {
    await blockDays(db, mueller, { from: "2030-03-06", reason: "Machine maintenance" }, now);
    // Monday 4 March to Friday 15 March 2030: ten working days, one of them already blocked.
    const result = await blockDays(
      db,
      mueller,
      { from: "2030-03-04", to: "2030-03-15", reason: "Company holiday" },
      now,
    );
    expect(result).toEqual({ blocked: 9, alreadyBlocked: 1, weekendDays: 2 });
    const days = await db.blockedDay.findMany({ where: { companyId: muellerId }, orderBy: { day: "asc" } });
    expect(days).toHaveLength(10);
    expect(days.find((row) => row.day.toISOString().startsWith("2030-03-06"))?.reason).toBe(
      "Machine maintenance",
    );
    expect(days.some((row) => row.day.toISOString().startsWith("2030-03-09"))).toBe(false);
    await expect(
      blockDays(db, mueller, { from: "2030-03-04", to: "2030-03-08", reason: "Company holiday" }, now),
    ).resolves.toEqual({ blocked: 0, alreadyBlocked: 5, weekendDays: 0 });

    expect(
      await fieldErrorsOf(blockDays(db, mueller, { from: "2030-01-04", reason: "Too late" }, now)),
    ).toEqual({ from: "Choose today (7 Jan 2030) or a later day." });
    expect(
      await fieldErrorsOf(blockDays(db, mueller, { from: "2030-03-09", reason: "Saturday" }, now)),
    ).toEqual({ from: expect.stringContaining("is a weekend day") });
    expect(
      await fieldErrorsOf(
        blockDays(db, mueller, { from: "2030-03-04", to: "2031-03-05", reason: "Sabbatical" }, now),
      ),
    ).toEqual({ to: "Block at most 366 days at once; add a longer closure in parts." });
    expect(
      await fieldErrorsOf(blockDays(db, mueller, { from: "2030-03-04", to: "2030-03-01", reason: "" }, now)),
    ).toEqual({
      to: "The last day must be on or after the first day.",
      reason: expect.stringContaining("Enter a reason"),
    });

    const profile = await loadSupplierProfile(db, muellerId, new Date("2030-03-11T09:00:00Z"));
    expect(profile.blockedDays.map((row) => row.day)).toEqual([
      "2030-03-11",
      "2030-03-12",
      "2030-03-13",
      "2030-03-14",
      "2030-03-15",
    ]);

    const first = days[0]!;
    await expect(unblockDay(db, rossi, first.id)).rejects.toMatchObject({ code: "not_found" });
    await unblockDay(db, mueller, first.id);
    expect(await db.blockedDay.count({ where: { companyId: muellerId } })).toBe(9);
  });

  it("waits for a booking that holds the partner's capacity row before changing hours or blocked days", async () => {
    let lockTaken!: () => void;
    let release!: () => void;
    const locked = new Promise<void>((resolve) => (lockTaken = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // What the matcher does before it books hours (lib/matching/match-order-line.ts).
    const booking = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "WeeklyCapacity" WHERE "companyId" = ${muellerId} AND "process" = 'CNC_MILLING' FOR UPDATE`;
        lockTaken();
        await released;
      },
      { timeout: 10_000 },
    );
    await locked;
    const finished: string[] = [];
    const saving = setSupplierProcesses(db, mueller, {
      offeredProcesses: { CNC_MILLING: "60", CNC_TURNING: "80" },
    }).then(() => finished.push("processes"));
    const blocking = blockDays(db, mueller, { from: "2030-04-01", reason: "Inventory" }, now).then(() =>
      finished.push("blocked days"),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(finished).toEqual([]);
    release();
    await Promise.all([booking, saving, blocking]);
    expect(finished.sort()).toEqual(["blocked days", "processes"]);
    expect(
      await db.weeklyCapacity.findUniqueOrThrow({
        where: { companyId_process: { companyId: muellerId, process: "CNC_MILLING" } },
      }),
    ).toMatchObject({ machineHoursPerWeek: 60 });
  });

  it("lists a partner's lasers and press brakes, which operations check in the audit", async () => {
    // A new sheet-metal partner adds its machines in the profile's "Lasers and press brakes" form only;
    // the audit's "Machines as declared" item needs them on the operations page too.
    const profile = await loadSupplierProfile(db, "seed_company_nowak", now);
    expect(profile.sheetMachines.map((machine) => [machine.kind, machine.name])).toEqual([
      ["LASER", "Trumpf TruLaser 3030 fiber (6 kW)"],
      ["PRESS_BRAKE", "Trumpf TruBend 5130"],
    ]);
    expect(sheetMachineCapability(profile.sheetMachines[1]!)).toBe("Bends up to 3000 mm at 130 t");
  });

  it("tells a new sheet partner what stops every offer: no material, no laser, no press brake", async () => {
    const { companyId } = await applyAsSupplier(db, {
      companyName: "Blechwerk Śląsk",
      countryCode: "PL",
      city: "Gliwice",
      processes: ["SHEET_METAL", "LASER_CUTTING"],
      references: "Brackets for a bus maker, 2025",
      name: "Agnieszka",
      email: "agnieszka@blechwerk-gaps.example",
      password: "long-enough-pw",
    });
    expect(await listProfileGaps(db, companyId)).toEqual([
      "No material chosen for Sheet metal (laser cut and bent): no such job can be offered to you.",
      "No material chosen for Laser cutting: no such job can be offered to you.",
      "No laser on your profile: no sheet job can be offered to you.",
      "No press brake on your profile: no bent sheet-metal part can be offered to you.",
    ]);
    await db.supplierMaterial.create({ data: { companyId, materialId: "seed_material_S235JR" } });
    await db.sheetMetalMachine.create({
      data: {
        companyId,
        kind: "LASER",
        name: "Bystronic ByStar Fiber 3015",
        sheetXMm: 3000,
        sheetYMm: 1500,
        maxSteelMm: 12.5,
      },
    });
    expect(await listProfileGaps(db, companyId)).toEqual([
      "No press brake on your profile: no bent sheet-metal part can be offered to you.",
    ]);
    // The demo's sheet partner lacks nothing.
    expect(await listProfileGaps(db, "seed_company_nowak")).toEqual([]);
  });
});

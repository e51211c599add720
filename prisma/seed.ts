// Deterministic demo data: fixed ids, fixed dates, upserts only, so running it twice changes nothing.
// `npm start` runs it on an empty database; `npm run db:seed` runs it on demand.
import { auditChecklistItemKeys } from "../lib/audits/audit-checklist";
import { hashPassword } from "../lib/auth/password-hash";
import type {
  CertificateKind,
  CompanyStatus,
  ManufacturingProcess,
  UserRole,
} from "../lib/db/generated/enums";
import type { Database } from "../lib/db/prisma";
import { ensureMatchingSettings } from "../lib/matching/matching-settings";
import { dbProcessOf, toSettingsDocument } from "../lib/pricing/pricing-settings";
import { defaultPricingData } from "../quoting-engine/pricing/default-pricing-data";

export const demoPassword = "quote-demo-2026";

export const demoAccounts = [
  { email: "anna.buyer@acme.example", role: "BUYER_ADMIN", who: "Buyer (admin of Acme Robotics)" },
  { email: "ben.engineer@acme.example", role: "BUYER_ENGINEER", who: "Buyer (engineer at Acme Robotics)" },
  {
    email: "paula.purchaser@acme.example",
    role: "BUYER_PURCHASER",
    who: "Buyer (purchaser at Acme Robotics)",
  },
  {
    email: "partner@mueller-cnc.example",
    role: "SUPPLIER_ADMIN",
    who: "Supplier (Präzisionsteile Müller, CNC)",
  },
  {
    email: "stefan.staff@mueller-cnc.example",
    role: "SUPPLIER_MEMBER",
    who: "Supplier staff (Präzisionsteile Müller)",
  },
  { email: "olga.ops@instant-quote.example", role: "OPERATIONS", who: "Operations" },
] as const satisfies readonly { email: string; role: UserRole; who: string }[];

// Materials, machine rates and the other pricing settings come from the engine's sourced defaults
// (quoting-engine/pricing/default-pricing-data.ts; sources in docs/decisions/0008-pricing-model.md).
const materials = defaultPricingData.materials.map((material) => ({
  code: material.code,
  name: material.name,
  family: material.family,
  processes: material.processes.map(dbProcessOf),
  densityGPerCm3: material.densityGPerCm3,
  priceCentsPerKg: material.priceCentsPerKg,
  machinabilityIndex: material.machinabilityIndex ?? null,
  buildRateCm3PerHour: material.buildRateCm3PerHour ?? null,
}));

const machineRates = Object.entries(defaultPricingData.processes).map(([process, data]) => ({
  process: dbProcessOf(process as keyof typeof defaultPricingData.processes),
  hourlyRateCents: data.hourlyRateCents,
  setupMinutes: Math.round(data.setupMinutes),
}));

/**
 * A database seeded before pricing settings existed has none, and cannot price: give it version 1 of the
 * defaults. Leaves any stored version alone. `npm start` runs it on every start.
 */
export async function ensurePricingSettings(db: Database): Promise<boolean> {
  if ((await db.pricingSettings.count()) > 0) return false;
  await db.pricingSettings.createMany({
    data: [{ version: 1, settings: toSettingsDocument(defaultPricingData) as object, source: pricingSource }],
    skipDuplicates: true,
  });
  return true;
}

const pricingSource =
  "Engine defaults (quoting-engine/pricing/default-pricing-data.ts); sources in docs/decisions/0008-pricing-model.md";

interface SupplierSeed {
  key: string;
  name: string;
  status: CompanyStatus;
  countryCode: string;
  city: string;
  latitude: number;
  longitude: number;
  email: string;
  contact: string;
  capacity: Partial<Record<ManufacturingProcess, number>>;
  materials: string[];
  machines: {
    process: ManufacturingProcess;
    name: string;
    count: number;
    envelopeMm: [number, number, number];
  }[];
  certificates: { kind: CertificateKind; number: string; issuer: string; validUntil: string }[];
}

const suppliers: SupplierSeed[] = [
  {
    key: "mueller",
    name: "Präzisionsteile Müller GmbH",
    status: "ACTIVE",
    countryCode: "DE",
    city: "Stuttgart",
    latitude: 48.78,
    longitude: 9.18,
    email: "partner@mueller-cnc.example",
    contact: "Jonas Müller",
    capacity: { CNC_MILLING: 120, CNC_TURNING: 80 },
    materials: ["AL-6061-T6", "AL-7075-T6", "STEEL-C45", "SS-316L", "BRASS-CW614N", "POM-C"],
    machines: [
      { process: "CNC_MILLING", name: "DMG Mori DMU 50", count: 2, envelopeMm: [500, 450, 400] },
      { process: "CNC_MILLING", name: "DMG Mori CMX 1100 V", count: 1, envelopeMm: [1100, 560, 510] },
      { process: "CNC_TURNING", name: "DMG Mori CTX beta 800", count: 2, envelopeMm: [400, 400, 800] },
    ],
    certificates: [
      { kind: "ISO_9001", number: "DE-9001-44120", issuer: "TÜV SÜD", validUntil: "2028-03-31" },
    ],
  },
  {
    key: "rossi",
    name: "Fresatura Rossi S.r.l.",
    status: "ACTIVE",
    countryCode: "IT",
    city: "Brescia",
    latitude: 45.54,
    longitude: 10.21,
    email: "partner@rossi-fresatura.example",
    contact: "Giulia Rossi",
    capacity: { CNC_MILLING: 200 },
    materials: ["AL-6061-T6", "AL-7075-T6", "STEEL-C45", "SS-316L", "TI-6AL-4V", "PEEK"],
    machines: [
      { process: "CNC_MILLING", name: "Haas VF-4", count: 3, envelopeMm: [1270, 508, 635] },
      { process: "CNC_MILLING", name: "Hermle C 42", count: 1, envelopeMm: [800, 800, 550] },
    ],
    certificates: [
      { kind: "ISO_9001", number: "IT-9001-7781", issuer: "DNV", validUntil: "2027-09-30" },
      { kind: "AS9100", number: "IT-AS-2291", issuer: "DNV", validUntil: "2027-09-30" },
    ],
  },
  {
    key: "nowak",
    name: "Nowak Toczenie i Frezowanie Sp. z o.o.",
    status: "ACTIVE",
    countryCode: "PL",
    city: "Wrocław",
    latitude: 51.11,
    longitude: 17.03,
    email: "partner@nowak-cnc.example",
    contact: "Piotr Nowak",
    capacity: { CNC_TURNING: 160, CNC_MILLING: 100 },
    materials: ["AL-6061-T6", "STEEL-C45", "SS-316L", "BRASS-CW614N", "POM-C"],
    machines: [
      { process: "CNC_TURNING", name: "Mazak Quick Turn 250", count: 4, envelopeMm: [300, 300, 600] },
      { process: "CNC_MILLING", name: "Mazak VCN-530C", count: 2, envelopeMm: [1050, 530, 510] },
    ],
    certificates: [
      { kind: "ISO_9001", number: "PL-9001-3310", issuer: "Bureau Veritas", validUntil: "2026-12-15" },
      { kind: "IATF_16949", number: "PL-IATF-0982", issuer: "Bureau Veritas", validUntil: "2027-06-30" },
    ],
  },
  {
    key: "additiv-berlin",
    name: "Additiv Berlin GmbH",
    status: "ACTIVE",
    countryCode: "DE",
    city: "Berlin",
    latitude: 52.52,
    longitude: 13.4,
    email: "partner@additiv-berlin.example",
    contact: "Lena Schwarz",
    capacity: { FDM: 300, SLA: 150 },
    materials: ["FDM-PLA", "FDM-PETG", "FDM-ABS", "SLA-STANDARD", "SLA-TOUGH"],
    machines: [
      { process: "FDM", name: "Prusa XL", count: 10, envelopeMm: [360, 360, 360] },
      { process: "FDM", name: "Ultimaker S7", count: 4, envelopeMm: [330, 240, 300] },
      { process: "SLA", name: "Formlabs Form 4L", count: 3, envelopeMm: [353, 196, 350] },
    ],
    certificates: [{ kind: "ISO_9001", number: "DE-9001-88231", issuer: "DEKRA", validUntil: "2027-11-30" }],
  },
  {
    key: "sinterwerk",
    name: "Sinterwerk Nord GmbH",
    status: "ACTIVE",
    countryCode: "DE",
    city: "Hamburg",
    latitude: 53.55,
    longitude: 9.99,
    email: "partner@sinterwerk-nord.example",
    contact: "Mats Petersen",
    capacity: { SLS: 250, MJF: 200 },
    materials: ["SLS-PA12", "MJF-PA12"],
    machines: [
      { process: "SLS", name: "EOS P 396", count: 2, envelopeMm: [340, 340, 600] },
      { process: "MJF", name: "HP Jet Fusion 5210", count: 2, envelopeMm: [380, 284, 380] },
    ],
    certificates: [
      { kind: "ISO_9001", number: "DE-9001-55310", issuer: "TÜV Nord", validUntil: "2028-01-31" },
      { kind: "ISO_13485", number: "DE-13485-1207", issuer: "TÜV Nord", validUntil: "2028-01-31" },
    ],
  },
  {
    key: "metalprint",
    name: "MetalPrint Eindhoven B.V.",
    status: "ACTIVE",
    countryCode: "NL",
    city: "Eindhoven",
    latitude: 51.44,
    longitude: 5.47,
    email: "partner@metalprint-eindhoven.example",
    contact: "Sanne de Vries",
    capacity: { METAL_PBF: 180, CNC_MILLING: 40 },
    materials: ["PBF-ALSI10MG", "PBF-316L", "PBF-TI64", "AL-6061-T6", "TI-6AL-4V"],
    machines: [
      { process: "METAL_PBF", name: "EOS M 290", count: 2, envelopeMm: [250, 250, 325] },
      { process: "METAL_PBF", name: "SLM 500", count: 1, envelopeMm: [500, 280, 365] },
      { process: "CNC_MILLING", name: "DMG Mori DMU 65 monoBLOCK", count: 1, envelopeMm: [735, 650, 560] },
    ],
    certificates: [
      { kind: "ISO_9001", number: "NL-9001-6621", issuer: "Lloyd's Register", validUntil: "2027-05-31" },
      { kind: "AS9100", number: "NL-AS-0412", issuer: "Lloyd's Register", validUntil: "2027-05-31" },
    ],
  },
  {
    key: "schmidt",
    name: "Werkstatt Schmidt Rapid",
    status: "PENDING_AUDIT",
    countryCode: "DE",
    city: "Leipzig",
    latitude: 51.34,
    longitude: 12.37,
    email: "partner@schmidt-rapid.example",
    contact: "Karl Schmidt",
    capacity: { CNC_MILLING: 60, FDM: 120 },
    materials: ["AL-6061-T6", "POM-C", "FDM-PLA", "FDM-PETG"],
    machines: [
      { process: "CNC_MILLING", name: "Haas Mini Mill", count: 1, envelopeMm: [406, 305, 254] },
      { process: "FDM", name: "Bambu Lab X1E", count: 6, envelopeMm: [256, 256, 256] },
    ],
    certificates: [
      { kind: "ISO_9001", number: "DE-9001-99102", issuer: "TÜV Rheinland", validUntil: "2028-06-30" },
    ],
  },
];

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

/** Writes the demo catalogue, companies and accounts. Returns how many companies the database holds after. */
export async function seedDatabase(db: Database): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);

  await db.$transaction(
    async (tx) => {
      for (const material of materials) {
        const data = { ...material, source: pricingSource };
        await tx.material.upsert({
          where: { code: material.code },
          create: { id: `seed_material_${material.code}`, ...data },
          update: data,
        });
      }
      // Version 1 of the pricing settings; operations' edits add versions above it.
      const settings = { settings: toSettingsDocument(defaultPricingData) as object, source: pricingSource };
      await tx.pricingSettings.upsert({
        where: { version: 1 },
        create: { version: 1, ...settings },
        update: settings,
      });
      await ensureMatchingSettings(tx);
      for (const rate of machineRates) {
        const data = { ...rate, source: pricingSource };
        await tx.machineRate.upsert({
          where: { process: rate.process },
          create: { id: `seed_rate_${rate.process}`, ...data },
          update: data,
        });
      }

      const platform = {
        kind: "PLATFORM",
        status: "ACTIVE",
        name: "Instant Quote Platform GmbH",
        countryCode: "DE",
        city: "Munich",
      } as const;
      await tx.company.upsert({
        where: { id: "seed_company_platform" },
        create: { id: "seed_company_platform", ...platform },
        update: platform,
      });
      const buyer = {
        kind: "BUYER",
        status: "ACTIVE",
        name: "Acme Robotics GmbH",
        countryCode: "DE",
        city: "Munich",
        postalCode: "80331",
        addressLine: "Marienplatz 1",
        vatNumber: "DE123456789",
        latitude: 48.14,
        longitude: 11.58,
        invoicePaymentApproved: true,
        creditLimitCents: 2_000_000,
        // Null: the platform's invoice terms (settings) apply.
        paymentTermsDays: null,
        orderApprovalLimitCents: 500_000,
      } as const;
      await tx.company.upsert({
        where: { id: "seed_company_acme" },
        create: { id: "seed_company_acme", ...buyer },
        update: buyer,
      });

      const users: { id: string; companyId: string; email: string; name: string; role: UserRole }[] = [
        {
          id: "seed_user_anna",
          companyId: "seed_company_acme",
          email: "anna.buyer@acme.example",
          name: "Anna Weber",
          role: "BUYER_ADMIN",
        },
        {
          id: "seed_user_ben",
          companyId: "seed_company_acme",
          email: "ben.engineer@acme.example",
          name: "Ben Hoffmann",
          role: "BUYER_ENGINEER",
        },
        {
          id: "seed_user_paula",
          companyId: "seed_company_acme",
          email: "paula.purchaser@acme.example",
          name: "Paula Schmitt",
          role: "BUYER_PURCHASER",
        },
        {
          // Staff of a supplier: answers offers and reports jobs; the profile and payouts are the admin's.
          id: "seed_user_mueller_staff",
          companyId: "seed_company_mueller",
          email: "stefan.staff@mueller-cnc.example",
          name: "Stefan Braun",
          role: "SUPPLIER_MEMBER",
        },
        {
          id: "seed_user_olga",
          companyId: "seed_company_platform",
          email: "olga.ops@instant-quote.example",
          name: "Olga Brandt",
          role: "OPERATIONS",
        },
      ];

      for (const supplier of suppliers) {
        const companyId = `seed_company_${supplier.key}`;
        const company = {
          kind: "SUPPLIER",
          status: supplier.status,
          name: supplier.name,
          countryCode: supplier.countryCode,
          city: supplier.city,
          latitude: supplier.latitude,
          longitude: supplier.longitude,
          minOrderValueCents: 5_000,
          maxOrderValueCents: 5_000_000,
        } as const;
        await tx.company.upsert({
          where: { id: companyId },
          create: { id: companyId, ...company },
          update: company,
        });
        users.push({
          id: `seed_user_${supplier.key}`,
          companyId,
          email: supplier.email,
          name: supplier.contact,
          role: "SUPPLIER_ADMIN",
        });

        for (const [process, hours] of Object.entries(supplier.capacity) as [
          ManufacturingProcess,
          number,
        ][]) {
          await tx.supplierProcess.upsert({
            where: { companyId_process: { companyId, process } },
            create: { companyId, process },
            update: {},
          });
          await tx.weeklyCapacity.upsert({
            where: { companyId_process: { companyId, process } },
            create: { companyId, process, machineHoursPerWeek: hours },
            update: { machineHoursPerWeek: hours },
          });
        }
        for (const code of supplier.materials) {
          const materialId = `seed_material_${code}`;
          await tx.supplierMaterial.upsert({
            where: { companyId_materialId: { companyId, materialId } },
            create: { companyId, materialId },
            update: {},
          });
        }
        for (const [index, machine] of supplier.machines.entries()) {
          const data = {
            companyId,
            process: machine.process,
            name: machine.name,
            count: machine.count,
            envelopeXMm: machine.envelopeMm[0],
            envelopeYMm: machine.envelopeMm[1],
            envelopeZMm: machine.envelopeMm[2],
          };
          const id = `seed_machine_${supplier.key}_${index}`;
          await tx.machine.upsert({ where: { id }, create: { id, ...data }, update: data });
        }
        for (const [index, certificate] of supplier.certificates.entries()) {
          const data = {
            companyId,
            kind: certificate.kind,
            number: certificate.number,
            issuer: certificate.issuer,
            validFrom: day("2025-01-01"),
            validUntil: day(certificate.validUntil),
          };
          const id = `seed_certificate_${supplier.key}_${index}`;
          await tx.certificate.upsert({ where: { id }, create: { id, ...data }, update: data });
        }
        const audit =
          supplier.status === "ACTIVE"
            ? ({
                status: "APPROVED",
                auditorId: "seed_user_olga",
                decidedAt: day("2026-06-01"),
                expiresAt: day("2027-06-01"),
                checklist: Object.fromEntries(
                  auditChecklistItemKeys.map((key) => [
                    key,
                    { result: "passed", method: "on-site", note: "" },
                  ]),
                ),
              } as const)
            : ({ status: "PENDING", checklist: {} } as const);
        const auditId = `seed_audit_${supplier.key}`;
        // The auditor must exist before the audit that names it; users are written below, so link it after.
        await tx.supplierAudit.upsert({
          where: { id: auditId },
          create: { id: auditId, supplierCompanyId: companyId, ...audit, auditorId: null },
          update: { ...audit, auditorId: null },
        });
      }

      for (const user of users) {
        const data = {
          companyId: user.companyId,
          email: user.email,
          name: user.name,
          role: user.role,
          passwordHash,
          disabledAt: null,
        };
        await tx.user.upsert({ where: { id: user.id }, create: { id: user.id, ...data }, update: data });
      }
      await tx.supplierAudit.updateMany({
        where: { id: { startsWith: "seed_audit_" }, status: "APPROVED" },
        data: { auditorId: "seed_user_olga" },
      });
    },
    { timeout: 60_000 },
  );
}

/** True when the database holds no companies yet: `npm start` seeds only then. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  return (await db.company.count()) === 0;
}

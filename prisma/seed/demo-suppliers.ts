import type { CertificateKind, CompanyStatus, ManufacturingProcess } from "../../lib/db/generated/enums";

/** A laser or press brake of a demo supplier, as the SheetMetalMachine table holds it. */
export interface SheetMachineSeed {
  kind: "LASER" | "PRESS_BRAKE";
  name: string;
  sheetXMm?: number;
  sheetYMm?: number;
  maxSteelMm?: number;
  maxStainlessMm?: number;
  maxAluminiumMm?: number;
  bendLengthMm?: number;
  tonnage?: number;
}

/** One supplier of the demo network: its company, admin account, capacity, materials, machines and certificates. */
export interface SupplierSeed {
  key: string;
  name: string;
  status: CompanyStatus;
  countryCode: string;
  city: string;
  /** Issue 21: the state or region, whose public holidays are no capacity (lib/matching/days-off.ts). */
  region?: string;
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
  /** Issue 23: lasers and press brakes (lib/matching/sheet-machine-refusal.ts). */
  sheetMachines?: SheetMachineSeed[];
  certificates: { kind: CertificateKind; number: string; issuer: string; validUntil: string }[];
  /**
   * Issue 19: tax details for the self-billing invoice (made-up numbers with valid check digits). IDs of
   * other member states are seeded as confirmed by VIES, which does not know them: on a machine that
   * reaches VIES, the re-check after recheckAfterDays marks them not valid.
   */
  tax?: { vatNumber?: string; taxNumber?: string };
  /** Issue 19: street and postal code, which the self-billing invoice names (§ 14 (4) no. 1 UStG). */
  address?: { addressLine: string; postalCode: string };
}

// The demo supplier network; its largest machines are the engine's default envelopes
// (quoting-engine/analysis/dfm-rules.ts).
export const demoSuppliers: SupplierSeed[] = [
  {
    key: "mueller",
    address: { addressLine: "Industriestraße 12", postalCode: "70565" },
    tax: { vatNumber: "DE145238764", taxNumber: "2893081508152" },
    name: "Präzisionsteile Müller GmbH",
    status: "ACTIVE",
    countryCode: "DE",
    city: "Stuttgart",
    region: "Baden-Württemberg",
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
    address: { addressLine: "Via della Meccanica 8", postalCode: "25125" },
    tax: { vatNumber: "IT02743690154" },
    name: "Fresatura Rossi S.r.l.",
    status: "ACTIVE",
    countryCode: "IT",
    city: "Brescia",
    region: "Lombardia",
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
    address: { addressLine: "ul. Fabryczna 21", postalCode: "53-609" },
    tax: { vatNumber: "PL5273001231" },
    name: "Nowak Toczenie i Frezowanie Sp. z o.o.",
    status: "ACTIVE",
    countryCode: "PL",
    city: "Wrocław",
    region: "Dolnośląskie",
    latitude: 51.11,
    longitude: 17.03,
    email: "partner@nowak-cnc.example",
    contact: "Piotr Nowak",
    // Issue 23: Nowak also cuts and bends sheet, so the demo can order sheet-metal parts.
    capacity: { CNC_TURNING: 160, CNC_MILLING: 100, LASER_CUTTING: 100, SHEET_METAL: 80 },
    materials: [
      "AL-6061-T6",
      "STEEL-C45",
      "SS-316L",
      "BRASS-CW614N",
      "POM-C",
      "DC01",
      "S235JR",
      "SS-1.4301",
      "AL-5754",
    ],
    machines: [
      { process: "CNC_TURNING", name: "Mazak Quick Turn 250", count: 4, envelopeMm: [300, 300, 600] },
      { process: "CNC_MILLING", name: "Mazak VCN-530C", count: 2, envelopeMm: [1050, 530, 510] },
      {
        process: "LASER_CUTTING",
        name: "Trumpf TruLaser 3030 fiber",
        count: 1,
        envelopeMm: [3000, 1500, 20],
      },
      { process: "SHEET_METAL", name: "Trumpf TruBend 5130", count: 1, envelopeMm: [3000, 1500, 400] },
    ],
    sheetMachines: [
      {
        kind: "LASER",
        name: "Trumpf TruLaser 3030 fiber (6 kW)",
        sheetXMm: 3000,
        sheetYMm: 1500,
        maxSteelMm: 20,
        maxStainlessMm: 12,
        maxAluminiumMm: 10,
      },
      { kind: "PRESS_BRAKE", name: "Trumpf TruBend 5130", bendLengthMm: 3000, tonnage: 130 },
    ],
    certificates: [
      { kind: "ISO_9001", number: "PL-9001-3310", issuer: "Bureau Veritas", validUntil: "2026-12-15" },
      { kind: "IATF_16949", number: "PL-IATF-0982", issuer: "Bureau Veritas", validUntil: "2027-06-30" },
    ],
  },
  {
    key: "additiv-berlin",
    address: { addressLine: "Wiebestraße 42", postalCode: "10553" },
    tax: { vatNumber: "DE271654394", taxNumber: "1121081508150" },
    name: "Additiv Berlin GmbH",
    status: "ACTIVE",
    countryCode: "DE",
    city: "Berlin",
    region: "Berlin",
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
    address: { addressLine: "Pinkertweg 5", postalCode: "22113" },
    tax: { vatNumber: "DE309782169" },
    name: "Sinterwerk Nord GmbH",
    status: "ACTIVE",
    countryCode: "DE",
    city: "Hamburg",
    region: "Hamburg",
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
    address: { addressLine: "Science Park 5080", postalCode: "5692 EA" },
    tax: { vatNumber: "NL812345678B01" },
    name: "MetalPrint Eindhoven B.V.",
    status: "ACTIVE",
    countryCode: "NL",
    city: "Eindhoven",
    region: "Noord-Brabant",
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
    address: { addressLine: "Torgauer Straße 76", postalCode: "04318" },
    name: "Werkstatt Schmidt Rapid",
    status: "PENDING_AUDIT",
    countryCode: "DE",
    city: "Leipzig",
    region: "Sachsen",
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

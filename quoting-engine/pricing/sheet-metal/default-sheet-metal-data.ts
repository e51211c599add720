import type { FinishData, MaterialData, ProcessData } from "../pricing-data";
import type { SheetMetalPricing } from "./sheet-metal-pricing-data";

/**
 * Sheet materials (both sheet processes). Densities: EN 10130 / EN 10088-2 / EN 485-2 data sheets.
 * Prices per kg: German stockists' small-lot sheet prices 2025–26 (cold-rolled DC01 ~€1.3/kg, hot-rolled
 * S235JR ~€1.1/kg, 1.4301 2B ~€4/kg, EN AW-5754 H111 ~€5.5/kg), rounded.
 */
export const defaultSheetMaterials: MaterialData[] = [
  {
    code: "DC01",
    name: "Steel DC01 (1.0330), cold rolled",
    family: "metal",
    processes: ["sheet_metal", "laser_cutting"],
    densityGPerCm3: 7.85,
    priceCentsPerKg: 130,
  },
  {
    code: "S235JR",
    name: "Steel S235JR (1.0038), hot rolled",
    family: "metal",
    processes: ["sheet_metal", "laser_cutting"],
    densityGPerCm3: 7.85,
    priceCentsPerKg: 110,
  },
  {
    code: "SS-1.4301",
    name: "Stainless steel 1.4301 (304), 2B",
    family: "metal",
    processes: ["sheet_metal", "laser_cutting"],
    densityGPerCm3: 7.9,
    priceCentsPerKg: 400,
  },
  {
    code: "AL-5754",
    name: "Aluminium EN AW-5754 (AlMg3) H111",
    family: "metal",
    processes: ["sheet_metal", "laser_cutting"],
    densityGPerCm3: 2.66,
    priceCentsPerKg: 550,
  },
];

/**
 * A fibre laser (3 kW class, 3000 × 1500 mm) and a press brake. Rates: German job-shop machine-hour
 * rates 2025–26 with operator and assist gas: fibre laser €90–130/h, CNC press brake €60–80/h.
 */
export const defaultSheetProcesses: Record<"sheet_metal" | "laser_cutting", ProcessData> = {
  sheet_metal: {
    envelopeMm: [3000, 1500, 400], // 3 m sheet and press brake; flanges up to the brake's open height
    hourlyRateCents: 7000, // CNC press brake with operator
    setupMinutes: 20, // bending program and first-part check, per order (tools: per tool set, below)
    baseLeadDays: 5,
    machineHoursPerDay: 14,
    parameters: { inspectionMinutesPerPart: 0.5, firstArticleMinutes: 10 },
  },
  laser_cutting: {
    envelopeMm: [3000, 1500, 25],
    hourlyRateCents: 11000, // fibre laser incl. nitrogen/oxygen
    setupMinutes: 15, // nesting (CAM) and loading the sheet, per order
    baseLeadDays: 4,
    machineHoursPerDay: 16, // lasers run unattended into the second shift
    parameters: { inspectionMinutesPerPart: 0.3, firstArticleMinutes: 5 },
  },
};

export const defaultSheetMetalPricing: SheetMetalPricing = {
  materials: {
    DC01: { group: "steel", minThicknessMm: 0.5, maxThicknessMm: 3 }, // EN 10130 cold-rolled range
    S235JR: { group: "steel", minThicknessMm: 2, maxThicknessMm: 20 }, // EN 10025 hot-rolled sheet/plate
    "SS-1.4301": { group: "stainless", minThicknessMm: 0.5, maxThicknessMm: 12 },
    "AL-5754": { group: "aluminium", minThicknessMm: 0.8, maxThicknessMm: 10 },
  },
  // EN 10131 / stockists' formats: small (2000 × 1000), medium (2500 × 1250), large (3000 × 1500).
  sheetSizesMm: [
    [2000, 1000],
    [2500, 1250],
    [3000, 1500],
  ],
  partSpacingMm: 5, // web between parts: about one to two thicknesses, at least 3–5 mm on a fibre laser
  edgeTrimMm: 10, // clamps and the sheet's own edge
  scrapShare: 0.15, // nesting utilisation of 75–85 % for mixed jobs (grid nesting of the box prices the rest)
  // Fibre laser, 3 kW column: mild steel from machinemfg.com's "Laser Cutting Thickness & Speed Chart"
  // (500 W–12 kW; low end of each 3 kW range: 1 mm 30–40, 2 mm 4.8–7.5, 3 mm 3.3–5.0, 5 mm 2.6–3.5,
  // 8 mm 2.0–3.0, 10 mm 1.5–2.0, 12 mm 1.2–1.8 m/min; thin sheet cut with nitrogen is faster, but the
  // low end covers small contours where the head never reaches full speed). Stainless (nitrogen) and
  // aluminium (nitrogen): gwklaser.com "Fiber laser cutting parameters guide", 3 kW tables, rounded down.
  // Pierce times: the same guides (thin sheet a fraction of a second, ~1 s at 6 mm, several at 12 mm).
  cutSpeeds: [
    { group: "steel", thicknessMm: 1, mmPerMinute: 30000, pierceSeconds: 0.2 },
    { group: "steel", thicknessMm: 2, mmPerMinute: 4800, pierceSeconds: 0.3 },
    { group: "steel", thicknessMm: 3, mmPerMinute: 3300, pierceSeconds: 0.5 },
    { group: "steel", thicknessMm: 5, mmPerMinute: 2600, pierceSeconds: 0.8 },
    { group: "steel", thicknessMm: 8, mmPerMinute: 2000, pierceSeconds: 1.5 },
    { group: "steel", thicknessMm: 10, mmPerMinute: 1500, pierceSeconds: 2 },
    { group: "steel", thicknessMm: 12, mmPerMinute: 1200, pierceSeconds: 3 },
    { group: "steel", thicknessMm: 20, mmPerMinute: 600, pierceSeconds: 5 },
    { group: "stainless", thicknessMm: 1, mmPerMinute: 25000, pierceSeconds: 0.2 },
    { group: "stainless", thicknessMm: 2, mmPerMinute: 9000, pierceSeconds: 0.3 },
    { group: "stainless", thicknessMm: 3, mmPerMinute: 4000, pierceSeconds: 0.5 },
    { group: "stainless", thicknessMm: 5, mmPerMinute: 1500, pierceSeconds: 1 },
    { group: "stainless", thicknessMm: 8, mmPerMinute: 600, pierceSeconds: 2 },
    { group: "stainless", thicknessMm: 12, mmPerMinute: 250, pierceSeconds: 4 },
    { group: "aluminium", thicknessMm: 1, mmPerMinute: 20000, pierceSeconds: 0.2 },
    { group: "aluminium", thicknessMm: 2, mmPerMinute: 8000, pierceSeconds: 0.3 },
    { group: "aluminium", thicknessMm: 3, mmPerMinute: 3500, pierceSeconds: 0.5 },
    { group: "aluminium", thicknessMm: 5, mmPerMinute: 1200, pierceSeconds: 1 },
    { group: "aluminium", thicknessMm: 8, mmPerMinute: 400, pierceSeconds: 2 },
    { group: "aluminium", thicknessMm: 10, mmPerMinute: 250, pierceSeconds: 3 },
  ],
  laserHandlingMinutesPerPart: 0.3, // rapid moves, lead-ins, taking the part out of the skeleton
  // Boothroyd, Dewhurst & Knight, Product Design for Manufacture and Assembly, ch. 9 (press brake):
  // a few seconds per hit plus positioning against the back gauge and turning the part, 10–30 s per
  // bend for parts one person handles; tool change 10–20 min per punch/die set.
  secondsPerBend: 20,
  setupMinutesPerTooling: 15,
  twoPersonBendLengthMm: 1000,
  deburrMinutesPerMetre: 0.5, // wide-belt deburring machine 2–4 m/min feed, plus hand work at corners
  deburrMinutesPerPart: 0.3,
  // Air bending with r ≈ t: DIN 6935 gives k ≈ 0.33–0.45 for r/t 0.5–3; softer and thicker sheet sits
  // lower (Machinery's Handbook, "Bend allowance"; SolidWorks K-factor table: soft 0.35–0.42, medium
  // 0.38–0.44, hard 0.40–0.45).
  kFactors: [
    { group: "steel", upToThicknessMm: 1, kFactor: 0.42 },
    { group: "steel", upToThicknessMm: 3, kFactor: 0.44 },
    { group: "steel", upToThicknessMm: 20, kFactor: 0.45 },
    { group: "stainless", upToThicknessMm: 1, kFactor: 0.43 },
    { group: "stainless", upToThicknessMm: 3, kFactor: 0.45 },
    { group: "stainless", upToThicknessMm: 12, kFactor: 0.46 },
    { group: "aluminium", upToThicknessMm: 1, kFactor: 0.38 },
    { group: "aluminium", upToThicknessMm: 3, kFactor: 0.4 },
    { group: "aluminium", upToThicknessMm: 10, kFactor: 0.42 },
  ],
  // Minimum tensile strength: DC01 270–410, S235JR 360–510 (EN 10025), 1.4301 520–720, 5754 H111 190–240.
  tensileStrengthMpa: { steel: 410, stainless: 650, aluminium: 240 },
};

/**
 * Sheet finishes (anodising aluminium is the machining entry's, extended to EN AW-5754). Per area of the
 * whole surface (both sides and edges): German job coaters' and platers' 2025–26 prices, powder coating
 * €15–25/m² with a batch minimum of ~€60, rack zinc plating €8–15/m² with ~€50 minimum.
 */
export const defaultSheetFinishes: FinishData[] = [
  {
    code: "as-cut",
    processes: ["sheet_metal", "laser_cutting"],
    centsPerCm2: 0,
    centsPerOrder: 0,
    extraLeadDays: 0,
  },
  {
    code: "powder-coated",
    processes: ["sheet_metal", "laser_cutting"],
    centsPerCm2: 0.2,
    centsPerOrder: 6000,
    extraLeadDays: 3,
  },
  {
    code: "zinc-plated",
    processes: ["sheet_metal", "laser_cutting"],
    materialCodes: ["DC01", "S235JR"],
    centsPerCm2: 0.12,
    centsPerOrder: 5000,
    extraLeadDays: 3,
  },
];

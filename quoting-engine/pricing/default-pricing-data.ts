import { defaultEnvelopesMm } from "../analysis/dfm-rules";
import { fdmMachineClasses } from "../printing/fdm-machine-classes";
import { defaultMachiningProcesses } from "./default-machining-data";
import type { PricingData } from "./pricing-data";
import {
  defaultSheetMaterials,
  defaultSheetMetalPricing,
  defaultSheetFinishes,
  defaultSheetProcesses,
} from "./sheet-metal/default-sheet-metal-data";

/**
 * The defaults the database is seeded with (prisma/seed.ts) and the CLI prices with. Every number has its
 * source or its reason beside it; docs/decisions/0008-pricing-model.md explains the model they feed.
 * Prices are euros (cents), 2026, small-quantity European list prices.
 */
export const defaultPricingData: PricingData = {
  currency: "EUR",
  materials: [
    // Densities: MatWeb datasheets. Prices per kg: small-lot European stock prices (bar and plate from
    // stockists' 2025–26 lists, powders and resins from the makers' list prices), rounded.
    // Machinability: relative removal rate, aluminium 6061 = 1 (Sandvik Coromant ISO material groups:
    // N1 aluminium, P steel, M stainless, S titanium; AISI machinability ratings scaled to 6061).
    {
      code: "AL-6061-T6",
      name: "Aluminium 6061-T6",
      family: "metal",
      processes: ["cnc_milling", "cnc_turning"],
      densityGPerCm3: 2.7,
      priceCentsPerKg: 650,
      machinabilityIndex: 1.0,
    },
    {
      code: "AL-7075-T6",
      name: "Aluminium 7075-T6",
      family: "metal",
      processes: ["cnc_milling", "cnc_turning"],
      densityGPerCm3: 2.81,
      priceCentsPerKg: 1200,
      machinabilityIndex: 0.9,
    },
    {
      code: "STEEL-C45",
      name: "Steel C45 (1.0503)",
      family: "metal",
      processes: ["cnc_milling", "cnc_turning"],
      densityGPerCm3: 7.85,
      priceCentsPerKg: 250,
      machinabilityIndex: 0.45,
    },
    {
      code: "SS-316L",
      name: "Stainless steel 316L (1.4404)",
      family: "metal",
      processes: ["cnc_milling", "cnc_turning"],
      densityGPerCm3: 8.0,
      priceCentsPerKg: 700,
      machinabilityIndex: 0.3,
    },
    {
      code: "BRASS-CW614N",
      name: "Brass CW614N",
      family: "metal",
      processes: ["cnc_turning", "cnc_milling"],
      densityGPerCm3: 8.47,
      priceCentsPerKg: 900,
      machinabilityIndex: 1.5,
    },
    {
      code: "TI-6AL-4V",
      name: "Titanium Ti-6Al-4V (grade 5)",
      family: "metal",
      processes: ["cnc_milling", "cnc_turning"],
      densityGPerCm3: 4.43,
      priceCentsPerKg: 4000,
      machinabilityIndex: 0.15,
    },
    {
      code: "POM-C",
      name: "POM-C (acetal copolymer)",
      family: "plastic",
      processes: ["cnc_milling", "cnc_turning"],
      densityGPerCm3: 1.41,
      priceCentsPerKg: 800,
      machinabilityIndex: 1.2,
    },
    {
      code: "PEEK",
      name: "PEEK",
      family: "plastic",
      processes: ["cnc_milling", "cnc_turning"],
      densityGPerCm3: 1.3,
      priceCentsPerKg: 12000,
      machinabilityIndex: 0.8,
    },
    // Additive build rates: effective deposition or fusion rates of the supplier network's machines
    // (Prusa XL ~15 cm³/h at 0.2 mm layers; EOS P 396 and HP 5210 from their datasheets' build speeds
    // derated by half for real jobs; EOS M 290 ~10–20 cm³/h by alloy). Form 4 class SLA exposes whole
    // layers at once, so its time is mostly per layer (secondsPerLayer); the volume rate only adds
    // for large cross-sections (slower peel), hence the high 50–60 cm³/h.
    {
      code: "FDM-PLA",
      name: "PLA filament",
      family: "plastic",
      processes: ["fdm"],
      densityGPerCm3: 1.24,
      priceCentsPerKg: 2500,
      buildRateCm3PerHour: 15,
    },
    {
      code: "FDM-PETG",
      name: "PETG filament",
      family: "plastic",
      processes: ["fdm"],
      densityGPerCm3: 1.27,
      priceCentsPerKg: 2800,
      buildRateCm3PerHour: 14,
    },
    {
      code: "FDM-ABS",
      name: "ABS filament",
      family: "plastic",
      processes: ["fdm"],
      densityGPerCm3: 1.04,
      priceCentsPerKg: 2600,
      buildRateCm3PerHour: 14,
    },
    {
      code: "SLA-STANDARD",
      name: "Standard photopolymer resin",
      family: "plastic",
      processes: ["sla"],
      densityGPerCm3: 1.18,
      priceCentsPerKg: 15000,
      buildRateCm3PerHour: 60,
    },
    {
      code: "SLA-TOUGH",
      name: "Tough photopolymer resin",
      family: "plastic",
      processes: ["sla"],
      densityGPerCm3: 1.2,
      priceCentsPerKg: 19000,
      buildRateCm3PerHour: 50,
    },
    {
      code: "SLS-PA12",
      name: "PA12 (SLS)",
      family: "plastic",
      processes: ["sls"],
      densityGPerCm3: 1.01,
      priceCentsPerKg: 7000,
      buildRateCm3PerHour: 300,
    },
    {
      code: "MJF-PA12",
      name: "PA12 (HP Multi Jet Fusion)",
      family: "plastic",
      processes: ["mjf"],
      densityGPerCm3: 1.01,
      priceCentsPerKg: 6000,
      buildRateCm3PerHour: 400,
    },
    {
      code: "PBF-ALSI10MG",
      name: "AlSi10Mg powder",
      family: "metal",
      processes: ["metal_pbf"],
      densityGPerCm3: 2.67,
      priceCentsPerKg: 8000,
      buildRateCm3PerHour: 20,
    },
    {
      code: "PBF-316L",
      name: "316L powder",
      family: "metal",
      processes: ["metal_pbf"],
      densityGPerCm3: 7.9,
      priceCentsPerKg: 5000,
      buildRateCm3PerHour: 12,
    },
    {
      code: "PBF-TI64",
      name: "Ti-6Al-4V powder",
      family: "metal",
      processes: ["metal_pbf"],
      densityGPerCm3: 4.43,
      priceCentsPerKg: 30000,
      buildRateCm3PerHour: 10,
    },
    ...defaultSheetMaterials,
  ],
  processes: {
    ...defaultMachiningProcesses,
    fdm: {
      envelopeMm: defaultEnvelopesMm.fdm,
      hourlyRateCents: 800, // Prusa XL class printer: €4–10/h depreciation, power, space, supervision
      setupMinutes: 10, // slicing and bed preparation per build
      baseLeadDays: 10,
      machineHoursPerDay: 20,
      parameters: {
        // Print time and filament: PrusaSlicer 2.5's defaults and the constants calibrated against it
        // (quoting-engine/printing/fdm-machine-classes.ts, docs/decisions/0035).
        ...fdmMachineClasses.desktop,
        // Only for analyses stored before the layer profile existed:
        shellThicknessMm: 0.8, // two 0.4 mm perimeters
        infillShare: 0.2,
        supportMm3PerMm2: 3, // sparse support ~15 % dense under overhangs ~20 mm tall on average
        supportRemovalMinutesPerCm2: 0.05,
        postMinutesPerPart: 3,
        buildVolumeMm: [360, 360, 360],
        packingDensity: 0.5, // footprints cover half the plate (spacing for brims and cooling)
        materialWasteShare: 0.1,
      },
    },
    sla: {
      envelopeMm: defaultEnvelopesMm.sla,
      hourlyRateCents: 1500, // Form 4L class: machine, tanks and consumables per hour
      setupMinutes: 15,
      baseLeadDays: 10,
      machineHoursPerDay: 20,
      parameters: {
        // Build time: quoting-engine/printing/estimate-plate-build.ts, docs/decisions/0036. A masked-LCD
        // printer (Form 4/4L) exposes a whole layer at once, so time is layers × (exposure + peel + settle):
        // Formlabs quotes up to ~100 mm/h in Fast Model resin and 40–60 mm/h in standard resins at 100 µm;
        // at 50 µm with a large platform's slower peel, 9 s per layer (20 mm/h) is the conservative figure.
        layerHeightMm: 0.05,
        secondsPerLayer: 9, // peel, recoat and exposure per layer on a large-format printer
        supportMm3PerMm2: 1,
        supportRemovalMinutesPerCm2: 0.05,
        postMinutesPerPart: 8, // washing, curing, support removal set-up
        buildVolumeMm: [353, 196, 350], // Form 4L: 35.3 × 19.6 × 35.0 cm (x, y, height)
        packingDensity: 0.5, // footprints with supports cover about half the platform: a denser plate shares each layer more
        materialWasteShare: 0.15,
      },
    },
    sls: {
      envelopeMm: defaultEnvelopesMm.sls,
      hourlyRateCents: 4000, // EOS P 396: ~€600k with 5-year depreciation at 5,000 h/year, plus running costs
      setupMinutes: 60, // build preparation, warm-up share, unpacking per build
      baseLeadDays: 10,
      machineHoursPerDay: 22,
      parameters: {
        // Build time: quoting-engine/printing/estimate-powder-bed-build.ts, docs/decisions/0036. EOS P 396
        // datasheet: 340 × 340 × 600 mm, 0.06–0.18 mm layers, build speed up to 48 mm/h (≈ 9 s per 0.12 mm
        // layer before scanning); scanning at the material's volume rate comes on top.
        layerHeightMm: 0.12,
        secondsPerLayer: 10, // recoating and heating per layer (Ruffo, Tuck & Hague 2006 measure ~10 s)
        buildVolumeMm: [340, 340, 600],
        // Boxes fill 8–15 % of a mixed SLS build (Baumers et al. 2016 report 5–20 % for mixed jobs; EOS and
        // service bureaus quote ~10 % as typical): each part takes its box volume over 340² × 0.12 of height.
        packingDensity: 0.12,
        postMinutesPerPart: 5, // depowdering and bead blasting
        materialWasteShare: 0.3, // 50 % refresh rate: part of the un-sintered powder is scrapped
      },
    },
    mjf: {
      envelopeMm: defaultEnvelopesMm.mjf,
      hourlyRateCents: 4500, // HP Jet Fusion 5210 with processing station
      setupMinutes: 60,
      baseLeadDays: 10,
      machineHoursPerDay: 22,
      parameters: {
        // Build time: quoting-engine/printing/estimate-powder-bed-build.ts, docs/decisions/0036. HP Jet Fusion
        // 5200 series datasheet: 380 × 284 × 380 mm, 80 µm layers, build speed up to 5,058 cm³/h (fast mode)
        // over the 380 × 284 mm bed ≈ 47 mm/h ≈ 6.1 s per layer; balanced mode ≈ 7 s. Every layer takes the
        // same time however full (agents and lamp pass the whole bed): height drives MJF time (HP's and
        // resellers' cost guides: "minimise Z height", Hawk Ridge Systems 2021).
        layerHeightMm: 0.08,
        secondsPerLayer: 7, // HP's pass time at balanced print mode
        buildVolumeMm: [380, 284, 380],
        packingDensity: 0.14, // MJF nests a little denser than SLS (no thermal spacing for the laser)
        postMinutesPerPart: 4,
        materialWasteShare: 0.2, // HP states 80 % reusability of surplus powder
      },
    },
    metal_pbf: {
      envelopeMm: defaultEnvelopesMm.metal_pbf,
      hourlyRateCents: 9000, // EOS M 290 class: ~€700k, 5 years, 5,000 h/year, argon, power (Rickenbacher et al. 2013 use a similar rate)
      // Per order: checking the file, orientation, supports and nesting the part into the next shared
      // build (decision 0117). Plate, powder and inerting are per build (`buildSetupMinutes`), shared.
      setupMinutes: 45,
      baseLeadDays: 12,
      machineHoursPerDay: 22,
      parameters: {
        // Build time: quoting-engine/printing/estimate-plate-build.ts, docs/decisions/0036. Parts stand on the
        // plate (supports anchor them), so a build is as tall as its tallest part and each layer is shared by
        // the footprints beside it. Recoat 8–10 s per layer (SLM 500 bidirectional recoater; EOS M 290 ~9 s,
        // Rickenbacher et al. 2013 measure 9.5 s); melting at the alloy's volume rate (EOS 316L 40 µm:
        // 14.8 mm³/s for four lasers ≈ 13 cm³/h per laser).
        layerHeightMm: 0.04,
        secondsPerLayer: 9, // recoating per layer
        supportMm3PerMm2: 2,
        supportRemovalMinutesPerCm2: 0.5,
        postMinutesPerPart: 15, // bead blasting, inspection
        // Per build, shared by plate area among the parts of many orders nested on it (decision 0117:
        // service bureaus and platforms fill a build with several buyers' parts):
        postMinutesPerBuild: 360, // stress relief (furnace) and wire-EDM cut-off from the plate
        buildSetupMinutes: 120, // plate, powder, inerting and warm-up
        buildVolumeMm: [250, 250, 325],
        packingDensity: 0.4, // spacing for supports and the recoater
        materialWasteShare: 0.1,
      },
    },
    ...defaultSheetProcesses,
  },
  finishes: [
    ...defaultSheetFinishes,
    {
      code: "as-machined",
      processes: ["cnc_milling", "cnc_turning"],
      centsPerCm2: 0,
      centsPerOrder: 0,
      extraLeadDays: 0,
    },
    {
      code: "bead-blasted",
      processes: ["cnc_milling", "cnc_turning", "metal_pbf", "sls", "mjf"],
      centsPerCm2: 1,
      centsPerOrder: 2500,
      extraLeadDays: 1,
    },
    {
      code: "anodized-clear",
      processes: ["cnc_milling", "cnc_turning", "sheet_metal", "laser_cutting"],
      materialCodes: ["AL-6061-T6", "AL-7075-T6", "AL-5754"],
      centsPerCm2: 3, // job anodisers in Germany charge by area with a batch minimum
      centsPerOrder: 8000,
      extraLeadDays: 3,
    },
    {
      code: "as-printed",
      processes: ["fdm", "sla", "sls", "mjf", "metal_pbf"],
      centsPerCm2: 0,
      centsPerOrder: 0,
      extraLeadDays: 0,
    },
    {
      code: "dyed-black",
      processes: ["sls", "mjf"],
      centsPerCm2: 0.5,
      centsPerOrder: 1500,
      extraLeadDays: 1,
    },
  ],
  tolerances: {
    coarse: { machiningFactor: 0.9, additiveFactor: 1 },
    medium: { machiningFactor: 1, additiveFactor: 1 },
    fine: { machiningFactor: 1.25, additiveFactor: 1.15 },
  },
  margins: [
    { minQuantity: 100, marginPercent: 18 },
    { minQuantity: 10, marginPercent: 22 },
    { minQuantity: 1, marginPercent: 25 },
  ],
  deliveryTiers: [
    { code: "express", label: "Express", leadShare: 0.5, priceFactor: 1.5 },
    { code: "priority", label: "Priority", leadShare: 0.75, priceFactor: 1.2 },
    { code: "standard", label: "Standard", leadShare: 1, priceFactor: 1 },
    { code: "economy", label: "Economy", leadShare: 1.5, priceFactor: 0.95 },
    { code: "relaxed", label: "Relaxed", leadShare: 2, priceFactor: 0.92 },
  ],
  validityDays: 30,
  labourRateCentsPerHour: 4500, // skilled technician in Germany, full cost incl. overhead, 2025–26
  sheetMetal: defaultSheetMetalPricing,
};

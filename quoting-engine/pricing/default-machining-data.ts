import { defaultEnvelopesMm } from "../analysis/dfm-rules";
import type { PricingData } from "./pricing-data";

/**
 * Milling's and turning's machine rates, setups and cutting data, part of the defaults
 * (default-pricing-data.ts); every number with its source or reason beside it.
 */
export const defaultMachiningProcesses: Pick<PricingData["processes"], "cnc_milling" | "cnc_turning"> = {
  cnc_milling: {
    envelopeMm: defaultEnvelopesMm.cnc_milling,
    hourlyRateCents: 7500, // German job-shop 3-axis machining centre with operator, 2025–26: €60–90/h
    setupMinutes: 45, // per setup: fixture, zero, tools (Boothroyd–Dewhurst–Knight's setup allowances)
    baseLeadDays: 8,
    machineHoursPerDay: 14, // two shifts, less changeovers
    parameters: {
      // ⌀12 mm carbide end mill in N1 aluminium: ap 12, ae 3 mm, vf ~1100 mm/min ≈ 40 cm³/min
      // (Sandvik Coromant cutting data), averaged over air cuts and slotting.
      roughingCm3PerMinute: 40,
      finishingCm2PerMinute: 25, // ⌀10 mm end mill, 0.4 mm stepover at ~600 mm/min effective
      drillingMmPerMinute: 300, // ⌀6–10 mm HSS-Co drill in aluminium, f 0.15 mm × 2000 rpm
      minutesPerHole: 0.3, // positioning, peck cycle and retract
      loadMinutesPerSetup: 2,
      programmingMinutes: 30, // CAM for a prismatic part from its STEP file
      stockAllowanceMm: 2,
      learningRate: 0.9, // Wright's law, 90 % curve typical for machining batches
      inspectionMinutesPerPart: 2,
      firstArticleMinutes: 15,
    },
  },
  cnc_turning: {
    envelopeMm: defaultEnvelopesMm.cnc_turning,
    hourlyRateCents: 6500, // CNC lathe with operator, Germany 2025–26: €55–75/h
    setupMinutes: 30,
    baseLeadDays: 8,
    machineHoursPerDay: 14,
    parameters: {
      roughingCm3PerMinute: 60, // CNMG insert in aluminium: vc 400 m/min, f 0.3, ap 2 → ~240 cm³/min peak, quarter on average
      // A turned surface is finished at cutting speed × feed: vc 250 m/min × f 0.1 mm/rev = 250 cm²/min
      // (Sandvik Coromant, as recalled: finishing N1 aluminium at vc 300–1,000 m/min, f 0.05–0.2;
      // the low end, as bores and faces run slower). Scaled by machinability like every other rate.
      finishingCuttingSpeedMPerMinute: 250,
      finishingFeedMmPerRevolution: 0.1,
      // Bar feeder and sub-spindle (decision 0117): a 65 mm spindle bore is the common bar capacity of
      // a production lathe with sub-spindle (makers' data as recalled: 51–80 mm bar capacity).
      barFeedMaxDiameterMm: 65,
      barFeedSetupMinutes: 45, // feeder channel and guide, sub-spindle jaws and hand-over position
      barFeedMinutesPerPart: 0.2, // bar push, part-off, sub-spindle pick-up (the back side runs in parallel)
      drillingMmPerMinute: 300,
      minutesPerHole: 0.3,
      loadMinutesPerSetup: 1,
      programmingMinutes: 20,
      stockAllowanceMm: 1.5,
      // Live tooling (decision 0117): per milled face a C-axis index, tool change and approach, then its
      // area at a live spindle's rate: a ⌀10 mm end mill on a 5–7 kW live spindle at about 40 % of the
      // machining centre's 25 cm²/min. Cross holes are priced once, as drilled holes.
      minutesPerLiveToolingFace: 0.5,
      liveToolingCm2PerMinute: 10,
      learningRate: 0.9,
      inspectionMinutesPerPart: 1.5,
      firstArticleMinutes: 10,
    },
  },
};

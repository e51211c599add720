import type { FdmMachineSettings } from "./estimate-fdm-print";

/**
 * FDM machine classes. The first half of each is what the slicer is set to, the second half the
 * constants calibrated against PrusaSlicer 2.5 on the printing benchmark (docs/decisions/0035).
 * The pricing settings carry one class's numbers in the FDM process parameters (the stored settings
 * document, seeded from default-pricing-data.ts); a document missing a key falls back to the desktop class.
 */
export const fdmMachineClasses = {
  /**
   * A 0.4 mm desktop printer as PrusaSlicer 2.5 sets one up with its built-in defaults
   * (`prusa-slicer --save`): 3 perimeters, 3 top and 3 bottom solid layers, 20 % stars infill, small
   * areas under 70 mm² solid, speeds 60/30/15 (perimeter, external, small), infill 80, solid 20, top 15,
   * support 60, travel 130, first layer 30 mm/s; time estimate at 1500 mm/s² and 10 mm/s jerk; layers
   * under 5 s slowed down to no less than 10 mm/s; 2 mm retractions at 40 mm/s; one skirt loop at 6 mm;
   * support lines 2.5 mm apart with 3 dense interface layers. Extrusion width 0.45 mm (1.125 × nozzle).
   */
  desktop: {
    layerHeightMm: 0.2,
    extrusionWidthMm: 0.45,
    perimeters: 3,
    topSolidLayers: 3,
    bottomSolidLayers: 3,
    infillDensity: 0.2,
    solidInfillBelowAreaMm2: 70,
    perimeterSpeed: 60,
    externalPerimeterSpeed: 30,
    smallPerimeterSpeed: 15,
    infillSpeed: 80,
    solidInfillSpeed: 20,
    topSolidInfillSpeed: 15,
    supportSpeed: 60,
    travelSpeed: 130,
    firstLayerSpeed: 30,
    accelerationMmPerS2: 1500,
    jerkMmPerS: 10,
    minLayerSeconds: 5,
    minPrintSpeed: 10,
    retractSeconds: 0.147,
    skirtDistanceMm: 6,
    skirtLoops: 1,
    supportDensity: 0.14,
    calibratedBuildRateCm3PerHour: 15, // FDM-PLA's rate in the pricing data
    infillAnchorShare: 0,
    infillLineLengthFactor: 10,
    travelsPerLoop: 1.7,
    travelsPerIsland: 0,
    travelsPerLayer: 3.3,
    travelsPerSupportCm2: 0,
    travelHopShare: 1,
    layerChangeSeconds: 0.3,
    flowFactor: 1.05,
    supportAreaFactor: 1,
    supportInterfaceAreaFactor: 1.0,
    supportBandMm: 4,
    supportSheathLoops: 1,
    supportFirstLayerDensity: 0.9,
    supportLayerHeightMm: 0.3,
  },
} satisfies Record<string, FdmMachineSettings>;

export type FdmMachineClass = keyof typeof fdmMachineClasses;

export const defaultFdmMachine: FdmMachineSettings = fdmMachineClasses.desktop;

/**
 * The machine settings a pricing-settings document states (the FDM process parameters), each key it
 * lacks (documents saved before the model existed) taken from the desktop class.
 */
export function fdmMachineFrom(
  parameters: Partial<Record<keyof FdmMachineSettings, unknown>>,
): FdmMachineSettings {
  const settings: FdmMachineSettings = { ...defaultFdmMachine };
  for (const key of Object.keys(settings) as (keyof FdmMachineSettings)[]) {
    const value = parameters[key];
    if (typeof value === "number" && Number.isFinite(value)) settings[key] = value;
  }
  return settings;
}

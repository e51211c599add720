/** What PrusaSlicer 2.5 writes at the end of its G-code: the normal-mode print time and the filament used. */
export interface SlicerSummary {
  minutes: number;
  filamentMm3: number;
  filamentMm: number;
}

/**
 * Reads `; estimated printing time (normal mode) = 1h 2m 3s` and `; filament used [mm] = …` (turned into
 * mm³ with `; filament_diameter`, since the `[cm3]` line is rounded to 0.01 cm³ = 10 mm³, too coarse for
 * small parts). Undefined when a line is missing.
 */
export function parsePrusaGcode(gcode: string): SlicerSummary | undefined {
  const time = /^; estimated printing time \(normal mode\) = (.+)$/m.exec(gcode)?.[1];
  const filamentMm = Number(/^; filament used \[mm\] = ([\d.]+)/m.exec(gcode)?.[1]);
  const diameterMm = Number(/^; filament_diameter = ([\d.]+)/m.exec(gcode)?.[1]);
  if (!time || !Number.isFinite(filamentMm) || !Number.isFinite(diameterMm)) return undefined;
  const secondsPer: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };
  let seconds = 0;
  for (const [, value, unit] of time.matchAll(/(\d+)([dhms])/g))
    seconds += Number(value) * secondsPer[unit!]!;
  return { minutes: seconds / 60, filamentMm, filamentMm3: filamentMm * Math.PI * (diameterMm / 2) ** 2 };
}

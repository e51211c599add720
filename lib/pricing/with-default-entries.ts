import { defaultPricingData } from "../../quoting-engine/pricing/default-pricing-data";

/**
 * A settings version saved before a process existed has no entry for it: it takes that process's
 * defaults (without the machine rate, which the MachineRate table holds), so an older version still
 * parses (z.record over the process enum wants every key) and prices the new process. Stored entries win.
 */
export function withDefaultProcesses(processes: unknown): unknown {
  if (typeof processes !== "object" || processes === null || Array.isArray(processes)) return processes;
  const defaults = Object.fromEntries(
    Object.entries(defaultPricingData.processes).map(
      ([process, { hourlyRateCents: _rate, setupMinutes: _setup, ...rest }]) => [process, rest],
    ),
  );
  return { ...defaults, ...processes };
}

/**
 * The same for finishes: a version saved before a finish existed (powder coating, zinc plating for sheet
 * metal) takes that finish's defaults, or the new processes could never be quoted with a finish. A
 * finish the version already has keeps its stored numbers and processes.
 */
export function withDefaultFinishes(finishes: unknown): unknown {
  if (!Array.isArray(finishes)) return finishes;
  const stored = new Set(finishes.map((finish) => (finish as { code?: unknown })?.code));
  return [...finishes, ...defaultPricingData.finishes.filter((finish) => !stored.has(finish.code))];
}

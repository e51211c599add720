import type { DfmRule } from "./dfm-rules";
import { formatNumber } from "./format-number";

const mm = (value: number) => `${formatNumber(value)} mm`;

/**
 * A thread drawn as geometry goes to an engineer for machining (product rules: "tight tolerances, threads,
 * drawings" are quoted by a person): whether it is cut or rolled, its class and its length set the price,
 * and the model does not say them. Printing makes it as drawn.
 */
export function modelledThread(process: "cnc_turning" | "cnc_milling"): DfmRule {
  return {
    code: "modelled_thread",
    process,
    severity: "error",
    limit: 0,
    check: ({ features }) =>
      features.thread
        ? [
            {
              message: `The part has a modelled thread, ⌀${mm(features.thread.majorDiameterMm)} outside and ⌀${mm(features.thread.minorDiameterMm)} at its root. Machined threads are priced by our engineers (cut or rolled, their class and length): request a quote and name the thread in it (e.g. M6 × 1, 6g).`,
              measured: features.thread.majorDiameterMm,
              allowed: 0,
              unit: "mm" as const,
              faces: features.thread.faces,
            },
          ]
        : [],
  };
}

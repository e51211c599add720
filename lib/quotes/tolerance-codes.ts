import type { ToleranceClass } from "../db/generated/enums";

/** The database's tolerance classes as the engine's option values. */
export const engineToleranceOf: Record<ToleranceClass, "fine" | "medium" | "coarse" | "tighter"> = {
  ISO2768_FINE: "fine",
  ISO2768_MEDIUM: "medium",
  ISO2768_COARSE: "coarse",
  TIGHTER_ON_REQUEST: "tighter",
};

export const toleranceLabels: Record<ToleranceClass, string> = {
  ISO2768_FINE: "ISO 2768-f (fine)",
  ISO2768_MEDIUM: "ISO 2768-m (medium)",
  ISO2768_COARSE: "ISO 2768-c (coarse)",
  TIGHTER_ON_REQUEST: "Tighter, on request",
};

/** The buyer's tolerance option as the database's class (medium when none was chosen). */
export const toleranceClassOfOption: Record<"fine" | "medium" | "coarse" | "tighter", ToleranceClass> = {
  fine: "ISO2768_FINE",
  medium: "ISO2768_MEDIUM",
  coarse: "ISO2768_COARSE",
  tighter: "TIGHTER_ON_REQUEST",
};

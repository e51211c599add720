import type { FlatPatternSummary } from "@/lib/parts/flat-pattern-summary";
import { FlatPatternDrawing } from "./flat-pattern-drawing";
import styles from "./flat-pattern.module.css";

/** The unfolded blank of a sheet-metal part beside the 3D view (the drawing: flat-pattern-drawing.tsx). */
export function FlatPatternView({
  pattern,
  leading = false,
}: {
  pattern: FlatPatternSummary;
  /** A DXF drawing's pattern stands in for the 3D view: first on a phone, before the options. */
  leading?: boolean;
}) {
  return (
    <section
      className={`card${leading ? ` ${styles.leading}` : ""}`}
      aria-labelledby="flat-pattern-heading"
      data-testid="flat-pattern"
    >
      <h2 id="flat-pattern-heading">Flat pattern</h2>
      <FlatPatternDrawing pattern={pattern} />
    </section>
  );
}

import type { ManufacturingProcess } from "@/quoting-engine/catalogue/catalogue";
import type { PrintedOrientation } from "@/lib/parts/part-page-summary";
import styles from "./part.module.css";

const powderBeds: ManufacturingProcess[] = ["sls", "mjf"];

/**
 * One sentence on how the chosen process builds the part: "Printed with +Z up (as drawn), 42 mm tall,
 * supports under 310 mm²." The engine chose the orientation (fits the machine, least support, lowest
 * height); the viewer's "As printed" button shows it.
 */
export function PrintedOrientationNote({
  process,
  orientation,
}: {
  process: ManufacturingProcess;
  orientation: PrintedOrientation;
}) {
  const way = orientation.label.startsWith("tilted") ? orientation.label : `with ${orientation.label}`;
  const height = `${formatMm(orientation.heightMm)} mm tall`;
  const supports = powderBeds.includes(process)
    ? "no supports (nested in the powder bed)"
    : orientation.supportAreaMm2 >= 1
      ? `supports under ${Math.round(orientation.supportAreaMm2).toLocaleString("en-GB")} mm²`
      : "no supports needed";
  return (
    <p className={styles.printedNote} data-testid="printed-orientation">
      {powderBeds.includes(process) ? "Built" : "Printed"} {way}, {height}, {supports}.
      {!orientation.fits && " It does not fit the largest machine this way or any other."}
    </p>
  );
}

function formatMm(value: number): string {
  return value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, "");
}

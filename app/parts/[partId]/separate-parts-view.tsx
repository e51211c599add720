import type { PartPageSummary } from "@/lib/parts/part-page-summary";
import type { SeparatePartSummary } from "@/lib/parts/separate-part-summaries";
import { FlatPatternDrawing } from "./flat-pattern-drawing";
import styles from "./flat-pattern.module.css";

const mm = (value: number) => String(Math.round(value * 10) / 10);

function madeBy(part: SeparatePartSummary): string {
  if (part.process === "laser_cutting") return "Laser cut (flat)";
  if (part.process === "sheet_metal")
    return `Laser cut and bent (${part.bends} bend${part.bends === 1 ? "" : "s"})`;
  return "CNC milled (not sheet metal)";
}

/**
 * Each part of a file of several, when sheet parts are among them (decision 0116): the process that makes
 * it, its size, how many of the chosen process's findings concern it, and its own flat pattern.
 */
export function SeparatePartsView({
  parts,
  findings,
  processName,
}: {
  parts: SeparatePartSummary[];
  /** The chosen process's findings; those of one part name it. */
  findings: PartPageSummary["findings"];
  processName: string;
}) {
  return (
    <section className="card" aria-labelledby="separate-parts-heading" data-testid="separate-parts">
      <h2 id="separate-parts-heading">The {parts.length} parts in this file</h2>
      <p className={styles.summary}>
        Each part is made as it needs: flat parts laser cut, bent parts cut and bent, the others milled.
      </p>
      <ol className={styles.parts}>
        {parts.map((part) => {
          const own = findings.filter((finding) => finding.part === part.index).length;
          return (
            <li key={part.index} className={styles.part} data-testid="separate-part">
              <h3>
                Part {part.index + 1} of {parts.length}: {madeBy(part)}
              </h3>
              <p className={styles.summary}>
                {part.sizeMm.map(mm).join(" × ")} mm ·{" "}
                {own === 0
                  ? `no findings for ${processName}`
                  : `${own} finding${own === 1 ? "" : "s"} for ${processName} (see Manufacturability)`}
              </p>
              {part.flatPattern && <FlatPatternDrawing pattern={part.flatPattern} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

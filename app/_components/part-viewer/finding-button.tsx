"use client";

import styles from "./part-viewer.module.css";
import { badgeClass } from "@/app/_components/status-badge";

/** One manufacturability finding as a toggle that paints its faces in the 3D view (whole-part ones cannot). */
export function FindingButton({
  finding,
  selected,
  onToggle,
}: {
  finding: { id: string; severity: "error" | "warning"; message: string; faces: readonly number[] };
  selected: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className={`${styles.finding} ${finding.severity}${selected ? ` ${styles.selected}` : ""}`}
      aria-pressed={selected}
      onClick={onToggle}
      disabled={finding.faces.length === 0}
      title={finding.faces.length === 0 ? "Concerns the whole part" : "Show its faces in the 3D view"}
    >
      <span className={badgeClass(finding.severity === "error" ? "FAILED" : "AWAITING_APPROVAL")}>
        {finding.severity === "error" ? "Cannot make" : "Warning"}
      </span>
      <span>{finding.message}</span>
    </button>
  );
}

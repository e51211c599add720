"use client";

import styles from "./part-viewer.module.css";
import { badgeClass } from "@/app/_components/status-badge";
import { findingOutcome } from "@/quoting-engine/pricing/manual-reasons";

/** The badge of each outcome: a tone and a word a buyer reads before the message. */
const badges = {
  cannot_make: { status: "FAILED", label: "Cannot make" },
  engineer_quote: { status: "WAITING", label: "Engineer quote" },
  warning: { status: "AWAITING_APPROVAL", label: "Warning" },
} as const;

/**
 * One manufacturability finding as a toggle that paints its faces in the 3D view (whole-part ones cannot),
 * badged by what it means for the price: cannot make, an engineer's quote, or a warning.
 */
export function FindingButton({
  finding,
  selected,
  onToggle,
}: {
  finding: { id: string; code: string; severity: "error" | "warning"; message: string; faces: readonly number[] };
  selected: boolean;
  onToggle: () => void;
}) {
  const badge = badges[findingOutcome(finding)];
  return (
    <button
      type="button"
      className={`${styles.finding} ${finding.severity}${selected ? ` ${styles.selected}` : ""}`}
      aria-pressed={selected}
      onClick={onToggle}
      disabled={finding.faces.length === 0}
      title={finding.faces.length === 0 ? "Concerns the whole part" : "Show its faces in the 3D view"}
    >
      <span className={badgeClass(badge.status)}>{badge.label}</span>
      <span>{finding.message}</span>
    </button>
  );
}

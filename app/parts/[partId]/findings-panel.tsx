"use client";

import type { PartPageSummary } from "@/lib/parts/part-page-summary";
import { FindingButton } from "@/app/_components/part-viewer/finding-button";
import findingsStyles from "@/app/_components/findings.module.css";
import styles from "./part.module.css";
import { badgeClass } from "@/app/_components/status-badge";

/** The chosen process's manufacturability findings and the file's notices; a click marks a finding's faces. */
export function FindingsPanel({
  processName,
  findings,
  notices,
  selectedFinding,
  onSelect,
}: {
  processName: string;
  findings: PartPageSummary["findings"];
  notices: PartPageSummary["notices"];
  selectedFinding: string | null;
  onSelect: (findingId: string | null) => void;
}) {
  return (
    <section aria-labelledby="findings-heading" className="card findings">
      <h2 id="findings-heading">Manufacturability for {processName}</h2>
      {findings.length === 0 && notices.length === 0 && (
        <p className="alert ok">Nothing found that stops {processName} from making this part as drawn.</p>
      )}
      <ul className={findingsStyles.findingList}>
        {findings.map((finding) => (
          <li key={finding.id}>
            <FindingButton
              finding={finding}
              selected={selectedFinding === finding.id}
              onToggle={() => onSelect(selectedFinding === finding.id ? null : finding.id)}
            />
          </li>
        ))}
        {notices.map((notice) => (
          <li key={notice.code} className={styles.notice}>
            <span className={badgeClass("UPLOADED")}>File</span> {notice.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

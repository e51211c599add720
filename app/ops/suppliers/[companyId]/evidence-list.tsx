import { formatMoment } from "@/app/_components/format-dates";
import type { SupplierAudit } from "@/lib/audits/load-supplier-audits";
import styles from "./supplier.module.css";

/** The evidence files kept for one audit, each a link to the file. */
export function EvidenceList({ audit }: { audit: SupplierAudit }) {
  if (audit.evidence.length === 0) return <p className="muted">No evidence kept yet.</p>;
  return (
    <ul className={styles.evidenceList}>
      {audit.evidence.map((file) => (
        <li key={file.id}>
          <a href={`/api/v1/ops/audit-evidence/${file.id}`}>{file.fileName}</a> — {file.description}{" "}
          <span className="hint">
            ({Math.max(1, Math.round(file.sizeBytes / 1024))} KB, {file.uploadedBy?.name ?? "someone"},{" "}
            {formatMoment(file.createdAt)})
          </span>
        </li>
      ))}
    </ul>
  );
}

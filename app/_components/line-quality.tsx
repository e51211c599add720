import type { LineQuality } from "@/lib/quality-documents/load-lines-quality";
import { listDocumentLabels, qualityDocumentLabels } from "@/lib/quality-documents/quality-document-kinds";
import { formatMoment } from "./format-dates";
import styles from "./line-quality.module.css";

/**
 * Issue 21 (i21-quality): one line's quality documents (downloadable where `downloadBase` is given: the
 * buyer's and operations' order pages, and the partner's job page for its own uploads) and its parcels with their carriers' tracking links. Nothing when
 * the order asked for no documents and nothing has shipped.
 */
export function LineQualityView({ line, downloadBase }: { line: LineQuality; downloadBase?: string }) {
  if (line.required.length === 0 && line.documents.length === 0 && line.shipments.length === 0) return null;
  return (
    <div className={styles.block} data-testid="line-quality">
      {(line.required.length > 0 || line.documents.length > 0) && (
        <>
          <strong>Quality documents</strong>
          {line.missing.length > 0 && (
            <p className={styles.missing}>Still to come: the {listDocumentLabels(line.missing)}.</p>
          )}
          {line.documents.length > 0 && (
            <ul className={styles.list}>
              {line.documents.map((document) => (
                <li key={document.id} data-testid="quality-document">
                  {qualityDocumentLabels[document.kind]}:{" "}
                  {downloadBase ? (
                    <a href={`${downloadBase}/${document.id}`} download>
                      {document.fileName}
                    </a>
                  ) : (
                    document.fileName
                  )}{" "}
                  ({Math.max(1, Math.round(document.sizeBytes / 1024))} KB, {formatMoment(document.createdAt)}
                  )
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {line.shipments.length > 0 && (
        <>
          <strong>
            Parcels ({line.shippedQuantity} of {line.quantity} parts shipped)
          </strong>
          <ul className={styles.list}>
            {line.shipments.map((shipment) => (
              <li key={shipment.id} data-testid="shipment">
                {formatMoment(shipment.shippedAt)}: {shipment.quantity} × with {shipment.carrierName},{" "}
                {shipment.trackingUrl ? (
                  <a href={shipment.trackingUrl} target="_blank" rel="noopener noreferrer">
                    track {shipment.trackingNumber}
                  </a>
                ) : (
                  <>tracking number {shipment.trackingNumber}</>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

import { LineQualityView } from "@/app/_components/line-quality";
import { getPrisma } from "@/lib/db/prisma";
import { loadLinesQuality } from "@/lib/quality-documents/load-lines-quality";
import { listDocumentLabels } from "@/lib/quality-documents/quality-document-kinds";

/**
 * Issue 21 (i21-quality): on the operations order page, each line's quality documents (downloadable, each
 * read audited) and parcels with tracking links. Nothing when no line has any.
 */
export async function QualitySection({ orderId }: { orderId: string }) {
  const lines = await loadLinesQuality(getPrisma(), { orderId });
  const shown = lines.filter(
    (line) => line.required.length > 0 || line.documents.length > 0 || line.shipments.length > 0,
  );
  if (shown.length === 0) return null;
  const required = shown[0]!.required;
  return (
    <section className="card" aria-labelledby="quality-heading">
      <h2 id="quality-heading">Quality documents and parcels</h2>
      {required.length > 0 && <p className="hint">The buyer asked for the {listDocumentLabels(required)}.</p>}
      {shown.map((line) => (
        <div key={line.orderLineId}>
          <h3 className="file-name">
            {line.quantity} × {line.fileName}
          </h3>
          <LineQualityView line={line} downloadBase={`/api/v1/orders/${orderId}/quality-documents`} />
        </div>
      ))}
    </section>
  );
}

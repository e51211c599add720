import { LineQualityView } from "@/app/_components/line-quality";
import type { OrderLineStatus } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { loadLinesQuality } from "@/lib/quality-documents/load-lines-quality";
import { listDocumentLabels } from "@/lib/quality-documents/quality-document-kinds";
import { nextSupplierSteps, openJobStatuses } from "@/lib/suppliers/job-statuses";
import { QualityDocumentForm, ShipmentForm } from "./quality-forms";
import styles from "./quality.module.css";

/**
 * Issue 21 (i21-quality): the job's quality documents and parcels on the partner's job page: upload the
 * documents the order asks for, then ship in one or several parcels. The page has checked the job is
 * this partner's.
 */
export async function JobQualitySection({
  orderLineId,
  status,
}: {
  orderLineId: string;
  status: OrderLineStatus;
}) {
  const [line] = await loadLinesQuality(getPrisma(), { id: orderLineId });
  if (!line) return null;
  const open = (openJobStatuses as readonly OrderLineStatus[]).includes(status);
  const canShip = nextSupplierSteps(status).includes("SHIPPED");
  const left = line.quantity - line.shippedQuantity;
  return (
    <section className={`card ${styles.section}`} aria-labelledby="quality-heading">
      <h2 id="quality-heading">Quality documents and shipping</h2>
      {line.required.length > 0 ? (
        <p>
          The buyer asked for the {listDocumentLabels(line.required)}. Upload each before the first parcel
          ships.
        </p>
      ) : (
        <p className="hint">The buyer asked for no quality documents; you may still add a report.</p>
      )}
      <LineQualityView line={line} downloadBase={`/api/v1/supplier/jobs/${orderLineId}/quality-documents`} />
      {open && <QualityDocumentForm orderLineId={line.orderLineId} missing={line.missing} />}
      {(canShip || left === 0) && (
        <>
          {left > 0 && (
            <div>
              <h3>Ship a parcel</h3>
              {line.missing.length > 0 && (
                <p className="alert warn">
                  Shipping opens once the {listDocumentLabels(line.missing)}{" "}
                  {line.missing.length === 1 ? "is" : "are"} uploaded.
                </p>
              )}
              <p className="hint">
                Shipping in several parcels? Enter each with the parts it holds; the job counts as shipped
                when all {line.quantity} have left.
              </p>
            </div>
          )}
          {/* Kept in place when the last parcel ships, so its confirmation stays on the page. */}
          <ShipmentForm orderLineId={line.orderLineId} left={left} />
        </>
      )}
      {status === "ACCEPTED" && <p className="hint">Mark the job in production to ship parcels.</p>}
    </section>
  );
}

import type { Metadata } from "next";
import { may } from "@/lib/auth/permissions";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import type { OrderAddress } from "@/lib/orders/checkout-fields";
import { formatEuros } from "@/lib/money/format-euros";
import { nextSupplierSteps } from "@/lib/suppliers/job-statuses";
import { loadSupplierJob } from "@/lib/suppliers/load-supplier-job";
import { jobCadFileMissing, missingCadFileMessage } from "@/lib/suppliers/job-cad-file-missing";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { describeJob, formatSize, shipToLines } from "../../format-job";
import { formatDay, formatMoment } from "@/app/_components/format-dates";
import { JobStatusForms } from "../../offer-forms";
import { jobStatusLabels } from "../job-status-labels";
import { finishLabel } from "@/lib/catalogue/catalogue-labels";
import twoCardsStyles from "@/app/_components/two-cards.module.css";
import orderSummaryStyles from "@/app/_components/order-summary.module.css";
import factsStyles from "@/app/_components/facts.module.css";
import pageHeadStyles from "@/app/_components/page-head.module.css";
import styles from "./job.module.css";
import { JobQualitySection } from "./job-quality-section";
import { RequiredDocumentsFacts } from "../../offers/[offerId]/required-documents-facts";
import { JobTalkSection } from "./job-talk-section";
import { badgeClass } from "@/app/_components/status-badge";

export const metadata: Metadata = { title: "Job" };

export default async function SupplierJobPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderLineId: string }>;
  searchParams: Promise<{ accepted?: string }>;
}) {
  const user = await requirePermission("supplier.portal", "/supplier/jobs");
  const { orderLineId } = await params;
  const job = await orNotFoundPage(loadSupplierJob(getPrisma(), user.companyId, orderLineId));
  const cadFileMissing =
    may(user.role, "supplier.cad.download") &&
    (await jobCadFileMissing(getPrisma(), getFileStorage(), job.part));
  const { accepted } = await searchParams;
  const shipTo = job.order.shippingAddress as OrderAddress;
  const filesBase = `/api/v1/supplier/jobs/${job.id}/files`;
  return (
    <>
      <p>
        <Link href="/supplier/jobs">← Jobs</Link>
      </p>
      {accepted && (
        <div className="alert ok" role="status">
          Accepted: the job is yours. Download the CAD file below and report progress here.
        </div>
      )}
      <div className={pageHeadStyles.pageHead}>
        <h1 className="file-name">{job.part.originalFileName}</h1>
        <span className={badgeClass(job.status)} data-testid="job-status">
          {jobStatusLabels[job.status]}
        </span>
      </div>
      <div className={twoCardsStyles.twoCards}>
        <section className="card">
          <h2>The job</h2>
          <dl className={factsStyles.facts}>
            <dt>Order</dt>
            <dd>{job.order.number}</dd>
            <dt>Quantity</dt>
            <dd>{job.quantity}</dd>
            <dt>Process, material, tolerance</dt>
            <dd>{describeJob(job)}</dd>
            <dt>Finish</dt>
            <dd>{finishLabel(job.finish)}</dd>
            <dt>Part size</dt>
            <dd>{formatSize(job.partSizeMm)}</dd>
            <dt>Delivery to the buyer by</dt>
            <dd>{formatDay(job.deliveryDate)}</dd>
            <RequiredDocumentsFacts kinds={job.order.requiredQualityDocuments} />
            <dt>Your price</dt>
            <dd>{job.offers[0] ? formatEuros(job.offers[0].supplierPriceCents) : ""}</dd>
          </dl>
          <h3>Files</h3>
          {may(user.role, "supplier.cad.download") ? (
            <>
              {cadFileMissing && (
                <p className="alert error" role="alert" data-testid="cad-file-missing">
                  {missingCadFileMessage} Ask in the messages with operations below if you need it sooner.
                </p>
              )}
              <p className={orderSummaryStyles.documents}>
                {!cadFileMissing && (
                  <a className="button secondary" href={`${filesBase}/cad`} download>
                    Download CAD file ({job.part.format})
                  </a>
                )}{" "}
                {job.drawing && (
                  <a className="button secondary" href={`${filesBase}/drawing`} download>
                    Download drawing
                  </a>
                )}
                {(job.process === "SHEET_METAL" || job.process === "LASER_CUTTING") && (
                  <a className="button secondary" href={`${filesBase}/flat-pattern`} download>
                    Download flat pattern (DXF)
                  </a>
                )}
              </p>
              <p className="hint">Each download is recorded. Use the files for this job only.</p>
            </>
          ) : (
            <p className="muted">Production staff and admins of your company download the files.</p>
          )}
        </section>
        <section className="card">
          <h2>Progress</h2>
          {job.trackingNumber && (
            <p data-testid="job-tracking">
              Shipped {job.shippedAt ? formatMoment(job.shippedAt) : ""} with {job.carrier}, tracking number{" "}
              <strong>{job.trackingNumber}</strong>.
            </p>
          )}
          {may(user.role, "supplier.jobs.update") && (
            <JobStatusForms
              orderLineId={job.id}
              steps={nextSupplierSteps(job.status).filter((step) => step !== "SHIPPED")}
            />
          )}
          <h3>Ship to</h3>
          <address>
            {shipToLines(shipTo).map((part) => (
              <div key={part}>{part}</div>
            ))}
          </address>
          <h3>History</h3>
          <ol className={styles.history}>
            {job.statusChanges.map((change, index) => (
              <li key={index}>
                {formatMoment(change.createdAt)}:{" "}
                {jobStatusLabels[change.toStatus] ?? change.toStatus.toLowerCase().replaceAll("_", " ")}
                {change.note ? ` (${change.note})` : ""}
              </li>
            ))}
          </ol>
        </section>
      </div>
      <JobQualitySection orderLineId={job.id} status={job.status} />
      <JobTalkSection orderLineId={job.id} companyId={user.companyId} />
    </>
  );
}

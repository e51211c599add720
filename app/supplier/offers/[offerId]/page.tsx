import type { Metadata } from "next";
import { may } from "@/lib/auth/permissions";
import Link from "next/link";
import { PartViewer } from "@/app/_components/part-viewer/part-viewer";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import { certificateNames } from "@/lib/catalogue/certificate-names";
import { formatEuros } from "@/lib/money/format-euros";
import { loadSupplierOffer } from "@/lib/suppliers/load-supplier-offer";
import { describeJob, formatSize } from "../../format-job";
import { formatDay, formatMoment } from "@/app/_components/format-dates";
import { AnswerOfferForms } from "../../offer-forms";
import { loadMatchingSettings } from "@/lib/matching/matching-settings";
import { quoteDay } from "@/lib/quotes/quote-day";
import { CounterofferForm } from "./counteroffer-form";
import { CounterofferStatus } from "./counteroffer-status";
import { finishLabel } from "@/lib/catalogue/catalogue-labels";
import priceStyles from "@/app/_components/price.module.css";
import workspaceStyles from "@/app/_components/workspace.module.css";
import factsStyles from "@/app/_components/facts.module.css";
import pageHeadStyles from "@/app/_components/page-head.module.css";

import { RequiredDocumentsFacts } from "./required-documents-facts";
export const metadata: Metadata = { title: "Offer" };

export default async function SupplierOfferPage({
  params,
  searchParams,
}: {
  params: Promise<{ offerId: string }>;
  searchParams: Promise<{ countered?: string }>;
}) {
  const user = await requirePermission("supplier.portal", "/supplier");
  const { offerId } = await params;
  const offer = await orNotFoundPage(loadSupplierOffer(getPrisma(), user.companyId, offerId));
  const line = offer.orderLine;
  const open = offer.status === "PENDING" && offer.expiresAt > new Date();
  const { countered } = await searchParams;
  // The counteroffer cap (docs/decisions/0039), shown so the partner knows it before it types.
  const { maxRaisePercent } = (await loadMatchingSettings(getPrisma())).settings.counteroffers;
  const maxPriceCents = Math.floor(offer.supplierPriceCents * (1 + maxRaisePercent / 100));
  const tomorrow = new Date(`${quoteDay()}T00:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  return (
    <>
      <p>
        <Link href="/supplier">← Offers</Link>
      </p>
      <div className={pageHeadStyles.pageHead}>
        <h1 className="file-name">{line.part.originalFileName}</h1>
      </div>
      <div className={workspaceStyles.workspace}>
        <section className={workspaceStyles.workspaceModel}>
          {line.part.displayMeshKey ? (
            <PartViewer
              meshUrl={`/api/v1/supplier/offers/${offer.id}/display-mesh`}
              highlights={[]}
              label={`3D preview of ${line.part.originalFileName}`}
            />
          ) : (
            <p className="muted">No 3D preview for this part.</p>
          )}
          <p className="hint">
            A preview only: the CAD file ({line.part.format}) is yours to download once you accept the job.
          </p>
        </section>
        <section className={`${workspaceStyles.workspaceQuote} card`}>
          <h2>The job</h2>
          <dl className={factsStyles.facts}>
            <dt>Order</dt>
            <dd>{line.order.number}</dd>
            <dt>Quantity</dt>
            <dd>{line.quantity}</dd>
            <dt>Process, material, tolerance</dt>
            <dd>{describeJob(line)}</dd>
            <dt>Finish</dt>
            <dd>{finishLabel(line.finish)}</dd>
            <dt>Part size</dt>
            <dd>{formatSize(line.partSizeMm)}</dd>
            <dt>Estimated machine time</dt>
            <dd>{line.estimatedMachineHours.toFixed(1)} h</dd>
            <dt>Delivery to the buyer by</dt>
            <dd data-testid="offer-delivery-date">{formatDay(line.deliveryDate)}</dd>
            {line.order.requiredCertificates.length > 0 && (
              <>
                <dt>Certificates asked for</dt>
                <dd>
                  {line.order.requiredCertificates
                    .map((kind) => certificateNames[kind as keyof typeof certificateNames] ?? kind)
                    .join(", ")}
                </dd>
              </>
            )}
            <RequiredDocumentsFacts kinds={line.order.requiredQualityDocuments} />
            <dt>Your price</dt>
            <dd className={priceStyles.priceMain} data-testid="offer-price">
              {formatEuros(offer.supplierPriceCents)}
            </dd>
          </dl>
          {open ? (
            <>
              <p className="alert warn" role="status">
                Please answer by {formatMoment(offer.expiresAt)}. Without an answer the job goes to another
                partner.
              </p>
              {may(user.role, "supplier.offers.respond") ? (
                <>
                  <AnswerOfferForms offerId={offer.id} />
                  <CounterofferForm
                    offerId={offer.id}
                    priceEuros={(offer.supplierPriceCents / 100).toFixed(2)}
                    maxPriceEuros={(maxPriceCents / 100).toFixed(2)}
                    deliveryDate={line.deliveryDate.toISOString().slice(0, 10)}
                    earliestDate={tomorrow.toISOString().slice(0, 10)}
                  />
                </>
              ) : (
                <p className="muted">Production staff or an admin of your company answer offers.</p>
              )}
            </>
          ) : offer.status === "COUNTERED" && offer.counteroffer ? (
            <>
              {countered && (
                <p className="alert ok" role="status">
                  Counteroffer sent to the buyer.
                </p>
              )}
              <CounterofferStatus counteroffer={offer.counteroffer} />
            </>
          ) : (
            // loadSupplierOffer finds no other offer than an open one or the job this supplier accepted.
            <p className="alert ok">
              You accepted this job. <Link href={`/supplier/jobs/${line.id}`}>Open the job</Link>
            </p>
          )}
        </section>
      </div>
    </>
  );
}

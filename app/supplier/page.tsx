import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { offerRejectReasons, type OfferRejectReason } from "@/lib/matching/offer-reject-reasons";
import { offerAnswerLabel } from "@/lib/matching/offer-answer-label";
import { listProfileGaps } from "@/lib/suppliers/list-profile-gaps";
import { listSupplierOffers } from "@/lib/suppliers/list-supplier-offers";
import { describeJob, formatSize } from "./format-job";
import { formatDay, formatMoment } from "@/app/_components/format-dates";
import { AmountCell } from "@/app/_components/amount-cell";
import { StackTable } from "@/app/_components/stack-table";
import { ProbationBanner } from "./probation-notice";

export const metadata: Metadata = { title: "Offers" };

const statusMessages = {
  ACTIVE: {
    tone: "ok",
    text: "Your company is audited and active: you receive offers that fit your capabilities and capacity.",
  },
  PENDING_AUDIT: {
    tone: "warn",
    text: "Thank you for applying. Our operations team will contact you to schedule the audit; you receive offers once it is approved.",
  },
  SUSPENDED: { tone: "error", text: "Your company is suspended and receives no offers." },
  REJECTED: { tone: "error", text: "Your application was not approved." },
} as const;

/** What became of a counteroffer (docs/decisions/0039); an accepted one shows as "Accepted". */
const counterofferOutcomes = {
  AWAITING_BUYER: "waiting for the buyer",
  ACCEPTED: "accepted",
  DECLINED: "declined by the buyer",
  EXPIRED: "declined: the buyer did not decide in time",
  WITHDRAWN: "withdrawn",
} as const;

export default async function SupplierOffersPage({
  searchParams,
}: {
  searchParams: Promise<{ rejected?: string }>;
}) {
  const user = await requirePermission("supplier.portal", "/supplier");
  const db = getPrisma();
  const [company, offers, profileGaps] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: user.companyId } }),
    listSupplierOffers(db, user.companyId),
    listProfileGaps(db, user.companyId),
  ]);
  const status = statusMessages[company.status];
  const { rejected } = await searchParams;
  return (
    <>
      <h1>Offers</h1>
      <ProbationBanner companyId={company.id} />
      {rejected && (
        <div className="alert ok" role="status">
          Rejected. The job goes to another partner; thank you for answering quickly.
        </div>
      )}
      {company.status !== "ACTIVE" || offers.pending.length === 0 ? (
        <div className={`alert ${status.tone}`} role="status">
          {status.text}
          {company.status === "SUSPENDED" && company.suspendedReason
            ? ` Reason: ${company.suspendedReason}`
            : ""}
        </div>
      ) : null}
      {profileGaps.length > 0 && (
        <div className="alert warn" data-testid="profile-gaps">
          {profileGaps.join(" ")} Complete your <Link href="/supplier/profile">profile</Link>.
        </div>
      )}
      <h2>Waiting for your answer</h2>
      {offers.pending.length === 0 ? (
        <p className="muted">
          No open offers. New offers arrive by e-mail too; keep your{" "}
          <Link href="/supplier/capacity">capacity</Link> and <Link href="/supplier/profile">profile</Link>{" "}
          current so that the right jobs find you.
        </p>
      ) : (
        <StackTable columns={["Part", "Job", "Quantity", "Delivery by", "Your price", "Answer by"]}>
          {offers.pending.map((offer) => (
            <tr key={offer.id} data-testid="offer-row">
              <td data-label="Part">
                <Link href={`/supplier/offers/${offer.id}`}>{offer.orderLine.part.originalFileName}</Link>
                <div className="hint">
                  {offer.orderLine.order.number} · {formatSize(offer.orderLine.partSizeMm)}
                </div>
              </td>
              <td data-label="Job">{describeJob(offer.orderLine)}</td>
              <td data-label="Quantity">{offer.orderLine.quantity}</td>
              <td data-label="Delivery by">{formatDay(offer.orderLine.deliveryDate)}</td>
              <AmountCell label="Your price" cents={offer.supplierPriceCents} />
              <td data-label="Answer by">{formatMoment(offer.expiresAt)}</td>
            </tr>
          ))}
        </StackTable>
      )}
      <h2>Answered in the last 30 days</h2>
      {offers.recent.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <StackTable columns={["Part", "Job", "Quantity", "Your price", "Answer"]}>
          {offers.recent.map((offer) => (
            <tr key={offer.id} id={`offer-${offer.id}`}>
              <td data-label="Part">
                {/* A lost offer's page is gone (loadSupplierOffer); only a job still held links on. */}
                {(offer.status === "ACCEPTED" && offer.orderLine.supplierCompanyId === company.id) ||
                offer.counteroffer?.status === "AWAITING_BUYER" ? (
                  <Link href={`/supplier/offers/${offer.id}`}>{offer.orderLine.part.originalFileName}</Link>
                ) : (
                  offer.orderLine.part.originalFileName
                )}
                {/* The same part is often offered on several orders: the order number tells them apart. */}
                <div className="hint">{offer.orderLine.order.number}</div>
              </td>
              <td data-label="Job">{describeJob(offer.orderLine)}</td>
              <td data-label="Quantity">{offer.orderLine.quantity}</td>
              <AmountCell label="Your price" cents={offer.supplierPriceCents} />
              <td data-label="Answer">
                {offerAnswerLabel(offer)}
                {offer.counteroffer && offer.status === "COUNTERED" && (
                  <span className="hint"> · {counterofferOutcomes[offer.counteroffer.status]}</span>
                )}
                {offer.counteroffer && offer.status === "ACCEPTED" && (
                  <span className="hint"> · at your counteroffer</span>
                )}
                {offer.rejectReason && (
                  <span className="hint">
                    {" "}
                    · {offerRejectReasons[offer.rejectReason as OfferRejectReason]}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </StackTable>
      )}
    </>
  );
}

import { formatMoment } from "@/app/_components/format-dates";
import { AmountCell } from "@/app/_components/amount-cell";
import { StackTable } from "@/app/_components/stack-table";
import type { OrderMoney } from "@/lib/ledger/load-order-money";
import type { OrderHistory } from "@/lib/orders/load-order-history";
import { ReofferForm } from "./ops-order-forms";
import { RemakeForm } from "./remake-form";
import { lineStatusLabel } from "@/lib/orders/line-status-labels";
import pageHeadStyles from "@/app/_components/page-head.module.css";
import styles from "./ops-order.module.css";
import { badgeClass } from "@/app/_components/status-badge";

const offerStatusLabels: Record<string, string> = {
  PENDING: "Waiting for an answer",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  EXPIRED: "Expired",
  WITHDRAWN: "Withdrawn",
  COUNTERED: "Countered (see counteroffers)",
};

/** Suppliers a line may be offered to now, as `previewReoffer` ranks them. */
type ReofferSuppliers = Parameters<typeof ReofferForm>[0]["suppliers"];

/**
 * Every offer of each line, with the forms to offer a line to a chosen supplier and to record a remake.
 * `suppliersByLine` holds exactly the lines that may be offered again.
 */
export function LineOffersSection({
  order,
  offersByLine,
  suppliersByLine,
  earliestRemakeDate,
}: {
  order: OrderMoney;
  offersByLine: OrderHistory["offersByLine"];
  suppliersByLine: ReadonlyMap<string, ReofferSuppliers>;
  earliestRemakeDate: string;
}) {
  return (
    <section aria-labelledby="offers-heading">
      <h2 id="offers-heading">Offers per line</h2>
      <div className={styles.lineOffers}>
        {order.lines.map((line) => {
          const offers = offersByLine.get(line.id) ?? [];
          const pendingOffer = offers.find((offer) => offer.status === "PENDING");
          const headingId = `line-${line.id}-heading`;
          const suppliers = suppliersByLine.get(line.id);
          return (
            <article key={line.id} className="card" aria-labelledby={headingId}>
              <div className={pageHeadStyles.pageHead}>
                <h3 id={headingId} className="file-name">
                  {line.quantity} × {line.part.originalFileName}
                </h3>
                <span className={badgeClass(line.status)}>{lineStatusLabel(line.status, order.status)}</span>
              </div>
              {offers.length === 0 ? (
                <p className="muted">No offers yet.</p>
              ) : (
                <StackTable
                  columns={[
                    "Partner",
                    "Status",
                    "Rank · score",
                    { label: "Price", className: "amount" },
                    "Offered",
                    "Offered by",
                    "Deadline or answer",
                    "Why",
                  ]}
                >
                  {offers.map((offer) => (
                    <tr key={offer.id}>
                      <td data-label="Partner">{offer.supplier}</td>
                      <td data-label="Status">
                        <span className={badgeClass(offer.status)}>{offerStatusLabels[offer.status]}</span>
                      </td>
                      <td data-label="Rank · score">
                        {offer.rank} · {offer.score.toFixed(3)}
                      </td>
                      <AmountCell label="Price" cents={offer.supplierPriceCents} />
                      <td data-label="Offered">{formatMoment(offer.createdAt)}</td>
                      <td data-label="Offered by">{offer.offeredBy ?? "the matcher"}</td>
                      <td data-label="Deadline or answer">
                        {offer.status === "WITHDRAWN"
                          ? "withdrawn, not answered"
                          : offer.respondedAt
                            ? `answered ${formatMoment(offer.respondedAt)}`
                            : offer.status === "PENDING"
                              ? `expires ${formatMoment(offer.expiresAt)}`
                              : `expired ${formatMoment(offer.expiresAt)}`}
                      </td>
                      <td data-label="Why">{offer.why ?? "–"}</td>
                    </tr>
                  ))}
                </StackTable>
              )}
              {suppliers && (
                <ReofferForm
                  orderId={order.id}
                  orderLineId={line.id}
                  suppliers={suppliers}
                  currentSupplierId={pendingOffer?.supplierCompanyId ?? null}
                />
              )}
              {(line.status === "SHIPPED" || line.status === "DELIVERED") &&
                line.supplierCompany &&
                order.status !== "CANCELLED" && (
                  <RemakeForm
                    orderId={order.id}
                    orderLineId={line.id}
                    supplierName={line.supplierCompany.name}
                    quantity={line.quantity}
                    earliestDate={earliestRemakeDate}
                  />
                )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

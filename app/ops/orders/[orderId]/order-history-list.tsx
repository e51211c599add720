import Link from "next/link";
import { formatMoment } from "@/app/_components/format-dates";
import type { HistoryEvent, HistoryEventKind } from "@/lib/orders/load-order-history";
import { RankedCandidatesTable } from "../../matching/ranked-candidates-table";
import { SkippedSummary } from "../../matching/skipped-summary";
import styles from "./ops-order.module.css";

/** The kinds whose dot on the line has a colour of its own. */
const kindStyles: Partial<Record<HistoryEventKind, string>> = {
  status: styles.orderHistoryStatus,
  complaint: styles.orderHistoryComplaint,
  refund: styles.orderHistoryRefund,
};

const kindLabels: Record<HistoryEventKind, string> = {
  status: "Status",
  match: "Matcher",
  offer: "Offer",
  payment: "Payment",
  refund: "Refund",
  invoice: "Document",
  payout: "Payout",
  complaint: "Complaint",
  message: "E-mail",
};

/** An order's history, oldest first: one entry per event, with details and longer texts to expand. */
export function OrderHistoryList({ events }: { events: HistoryEvent[] }) {
  if (events.length === 0) return <p className="muted">Nothing has happened to this order yet.</p>;
  return (
    <ol className={styles.orderHistory} data-testid="order-history">
      {events.map((event) => (
        <li key={event.key} className={kindStyles[event.kind]}>
          <div className={styles.orderHistoryHead}>
            <time dateTime={event.at.toISOString()}>{formatMoment(event.at)}</time>
            <span className={styles.orderHistoryKind}>{kindLabels[event.kind]}</span>
            {event.line && <span className="hint file-name">{event.line}</span>}
          </div>
          <p className={styles.orderHistorySummary}>
            {event.summary}
            {event.actor && <span className="hint"> · by {event.actor}</span>}
          </p>
          {event.details.length > 0 && <p className="hint">{event.details.join(" · ")}</p>}
          {(event.candidates.length > 0 ||
            event.skipped.length > 0 ||
            (event.decision?.notOfferingProcess ?? 0) > 0) && (
            <details>
              <summary>Candidates</summary>
              <RankedCandidatesTable ranked={event.candidates} weights={event.decision?.weights} />
              <SkippedSummary
                skipped={event.skipped}
                skippedByRule={event.decision?.skippedByRule}
                notOfferingProcess={event.decision?.notOfferingProcess ?? 0}
                processName={event.decision?.processName ?? "the process"}
              />
              <p className="hint">
                Every decision in full: <Link href="/ops/matching">matching decisions</Link>.
              </p>
            </details>
          )}
          {event.body && (
            <details>
              <summary>{event.kind === "message" ? "Text" : "Full text"}</summary>
              <pre className={styles.orderHistoryBody}>{event.body}</pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}

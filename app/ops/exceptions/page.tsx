import type { Metadata } from "next";
import Link from "next/link";
import { formatDay, formatIsoDay, formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { expiryWarningDays, listExpiringApprovals } from "@/lib/audits/list-expiring-approvals";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import {
  atRiskWorkingDays,
  expiringWithinHours,
  loadExceptionsBoard,
  type ExceptionItem,
  type ExceptionListKey,
} from "@/lib/exceptions/load-exceptions-board";
import { countPendingInvoiceTermsApplications } from "@/lib/invoice-terms/list-invoice-terms-queue";
import { ExceptionFollowUpForm } from "./exception-follow-up-form";
import styles from "./exceptions.module.css";
import { badgeClass } from "@/app/_components/status-badge";

export const metadata: Metadata = { title: "Exceptions" };
export const dynamic = "force-dynamic";

interface ListView {
  key: ExceptionListKey;
  title: string;
  /** What the count says in the summary, e.g. "unmatched lines". */
  countLabel: string;
  intro: string;
  whenColumn: string;
  /** Calendar days (delivery, due) or moments (deadlines, filed). */
  when: "day" | "moment";
  empty: string;
}

const lists: ListView[] = [
  {
    key: "unmatched",
    title: "Nobody accepted",
    countLabel: "unmatched lines",
    intro: "Every partner was tried or none can take the line: offer it to a partner you chose, or cancel.",
    whenColumn: "Unmatched since",
    when: "moment",
    empty: "No unmatched lines.",
  },
  {
    key: "expiringOffers",
    title: "Offers about to expire",
    countLabel: "offers expiring",
    intro: `Pending offers with less than ${expiringWithinHours} hours left, or past their deadline: call the partner, or offer the line to another.`,
    whenColumn: "Deadline",
    when: "moment",
    empty: "No offer expires in the next hours.",
  },
  {
    key: "lateLines",
    title: "Late or at risk",
    countLabel: "late or at risk",
    intro: `Lines not shipped by their delivery date, or due within ${atRiskWorkingDays} working days.`,
    whenColumn: "Delivery date",
    when: "day",
    empty: "No line is late or at risk.",
  },
  {
    key: "openComplaints",
    title: "Open complaints",
    countLabel: "open complaints",
    intro: "Decide each on its order's page; a remake is recorded there too.",
    whenColumn: "Filed",
    when: "moment",
    empty: "No complaint waits for a decision.",
  },
  {
    key: "overdueInvoices",
    title: "Overdue invoices",
    countLabel: "overdue invoices",
    intro: "Buyer invoices past their due day. Record payments on the payments page.",
    whenColumn: "Due",
    when: "day",
    empty: "No buyer invoice is overdue.",
  },
  {
    key: "payouts",
    title: "Payouts held or failed",
    countLabel: "payouts held or failed",
    intro: "Retry failed payouts on the payments page once the cause is fixed.",
    whenColumn: "Since",
    when: "moment",
    empty: "No payout is held or failed.",
  },
];

interface FollowUpContext {
  operators: { id: string; name: string }[];
  currentUserId: string;
}

function ExceptionRows({
  list,
  items,
  followUp,
}: {
  list: ListView;
  items: ExceptionItem[];
  followUp: FollowUpContext;
}) {
  return (
    <StackTable
      columns={["Order", "Buyer", "Part", "Partner", "What is wrong", list.whenColumn, "Owner and note"]}
    >
      {items.map((item) => (
        <tr
          key={item.key}
          className={item.severity ? `exception-${item.severity}` : undefined}
          data-testid="exception-row"
        >
          <td data-label="Order" className={styles.orderNumber}>
            <Link href={`/ops/orders/${item.orderId}`}>{item.orderNumber}</Link>
          </td>
          <td data-label="Buyer">{item.buyer}</td>
          <td data-label="Part" className="file-name">
            {item.part ?? "–"}
          </td>
          <td data-label="Partner">{item.supplier ?? "–"}</td>
          <td data-label="What is wrong">
            {item.severity && (
              <span className={badgeClass(item.severity === "late" ? "FAILED" : "HELD")}>
                {item.severity === "late" ? "Late" : "At risk"}
              </span>
            )}{" "}
            {item.problem}
          </td>
          <td data-label={list.whenColumn}>
            {list.when === "day" ? formatDay(item.at) : formatMoment(item.at)}
          </td>
          <td data-label="Owner and note" className={styles.followUp}>
            <ExceptionFollowUpCell item={item} followUp={followUp} />
          </td>
        </tr>
      ))}
    </StackTable>
  );
}

/** The owner and note every operator sees, and the form to take the exception on or change the note. */
function ExceptionFollowUpCell({ item, followUp }: { item: ExceptionItem; followUp: FollowUpContext }) {
  const current = item.followUp;
  return (
    <div data-testid="exception-follow-up">
      <p>
        {current?.ownerName ? (
          <strong>{current.ownerName}</strong>
        ) : (
          <span className="muted">Nobody yet</span>
        )}
      </p>
      {current?.note && <p className={styles.note}>{current.note}</p>}
      {current && current.updatedByName && (
        <p className="hint">
          Last changed by {current.updatedByName}, {formatMoment(current.updatedAt)}
        </p>
      )}
      <details className={styles.followUpEdit}>
        <summary>{current?.ownerUserId ? "Change owner or note" : "Take it on or add a note"}</summary>
        <ExceptionFollowUpForm
          followUpKey={item.followUpKey}
          ownerUserId={current?.ownerUserId ?? null}
          note={current?.note ?? ""}
          operators={followUp.operators}
          currentUserId={followUp.currentUserId}
        />
      </details>
    </div>
  );
}

export default async function OpsExceptionsPage() {
  const user = await requirePermission("ops.console", "/ops/exceptions");
  const db = getPrisma();
  const [board, expiring, applications, invoiceTermsApplications, operators] = await Promise.all([
    loadExceptionsBoard(db),
    listExpiringApprovals(db),
    db.company.count({ where: { kind: "SUPPLIER", status: "PENDING_AUDIT" } }),
    countPendingInvoiceTermsApplications(db),
    db.user.findMany({
      where: { role: "OPERATIONS", disabledAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const followUp = { operators, currentUserId: user.id };
  const renewals = expiring.audits.length + expiring.certificates.length;
  const total = lists.reduce((sum, list) => sum + board[list.key].length, 0);
  return (
    <>
      <h1>Exceptions</h1>
      <p className="muted">
        What needs a person today ({formatIsoDay(board.today)}), most urgent first. Each row opens its order
        with the history, where you can offer a line to a partner, cancel and refund, or record a remake.
      </p>
      <nav aria-label="Exception counts">
        <ul className={styles.exceptionCounts}>
          {lists.map((list) => {
            const count = board[list.key].length;
            return (
              <li key={list.key} className={count > 0 ? styles.hasItems : undefined}>
                <a href={`#${list.key}`}>
                  <strong>{count}</strong> {list.countLabel}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {total === 0 && <p className="alert ok">Nothing to act on: every order runs as planned.</p>}
      {(renewals > 0 || applications > 0) && (
        <p className="alert warn" data-testid="supplier-reminders">
          Partners:{" "}
          {[
            applications > 0 && `${applications} application${applications === 1 ? "" : "s"} to audit`,
            renewals > 0 &&
              `${renewals} audit or certificate renewal${renewals === 1 ? "" : "s"} due within ${expiryWarningDays} days`,
          ]
            .filter(Boolean)
            .join(" · ")}
          . <Link href="/ops/suppliers">Open the partners</Link>
        </p>
      )}
      {invoiceTermsApplications > 0 && (
        <p className="alert warn" data-testid="invoice-terms-reminder">
          Buyers: {invoiceTermsApplications} application{invoiceTermsApplications === 1 ? "" : "s"} for
          invoice terms to decide. <Link href="/ops/invoice-terms">Open the queue</Link>
        </p>
      )}
      {lists.map((list) => {
        const items = board[list.key];
        return (
          <section key={list.key} id={list.key} aria-labelledby={`${list.key}-heading`}>
            <h2 id={`${list.key}-heading`}>
              {list.title} <span className="muted">({items.length})</span>
            </h2>
            {items.length === 0 ? (
              <p className="muted">{list.empty}</p>
            ) : (
              <>
                <p className="hint">{list.intro}</p>
                <ExceptionRows list={list} items={items} followUp={followUp} />
              </>
            )}
          </section>
        );
      })}
    </>
  );
}

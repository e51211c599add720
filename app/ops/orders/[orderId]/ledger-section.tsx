import { formatMoment } from "@/app/_components/format-dates";
import { AmountCell } from "@/app/_components/amount-cell";
import type { LedgerAccount } from "@/lib/db/generated/enums";
import type { OrderMoney } from "@/lib/ledger/load-order-money";
import { formatEuros } from "@/lib/money/format-euros";
import opsStyles from "../../ops.module.css";
import styles from "./ops-order.module.css";

const accountLabels: Record<LedgerAccount, string> = {
  BUYER: "Buyer",
  VAT: "VAT",
  SUPPLIER: "Partner",
  MARGIN: "Margin",
};

const ledgerAccounts: LedgerAccount[] = ["BUYER", "VAT", "SUPPLIER", "MARGIN"];

function totalLabel(account: LedgerAccount): string {
  return `Total ${account === "VAT" ? "VAT" : accountLabels[account].toLowerCase()}`;
}

/** The order's ledger entries with their totals per account, and whether buyer = supplier + margin + VAT. */
export function LedgerSection({ order }: { order: OrderMoney }) {
  const totals = order.ledgerTotals;
  const balanced = totals.BUYER === totals.VAT + totals.SUPPLIER + totals.MARGIN;
  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">Ledger</h2>
      {order.ledgerEntries.length === 0 ? (
        <p className="muted">No ledger entries yet: they are written when the invoice is issued.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className={`stack ${opsStyles.ledger}`}>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Description</th>
                  <th scope="col">Account</th>
                  <th scope="col" className="amount">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.ledgerEntries.map((entry) => (
                  <tr key={entry.id}>
                    <td data-label="Date">{formatMoment(entry.createdAt)}</td>
                    <td data-label="Description">{entry.description}</td>
                    <td data-label="Account">{accountLabels[entry.account]}</td>
                    <AmountCell label="Amount" cents={entry.amountCents} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {ledgerAccounts.map((account) => (
                  <tr key={account}>
                    <th scope="row" colSpan={3}>
                      {totalLabel(account)}
                    </th>
                    {/* On a phone the row heading is hidden and this cell's label names the account. */}
                    <td data-label={totalLabel(account)} className="amount">
                      {formatEuros(totals[account])}
                    </td>
                  </tr>
                ))}
              </tfoot>
            </table>
          </div>
          <p
            className={`alert ${balanced ? "ok" : "error"} ${styles.ledgerBalance}`}
            data-testid="ledger-balance"
          >
            Buyer charged {formatEuros(totals.BUYER)} {balanced ? "=" : "≠"} partner{" "}
            {formatEuros(totals.SUPPLIER)} + margin {formatEuros(totals.MARGIN)} + VAT{" "}
            {formatEuros(totals.VAT)}
            {!balanced && ". The ledger does not balance: run the ledger check on the payments page."}
          </p>
        </>
      )}
    </section>
  );
}

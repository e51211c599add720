import { buyerPriceChange } from "@/lib/counteroffers/buyer-price-change";
import { formatEuros } from "@/lib/money/format-euros";
import styles from "./counteroffer-price.module.css";

/** The line's price before and after a partner's higher price, and the difference: net, VAT, gross. */
export function CounterofferPriceTable({
  previousNetCents,
  netCents,
  vatPercent,
}: {
  previousNetCents: number;
  netCents: number;
  vatPercent: number;
}) {
  const change = buyerPriceChange(previousNetCents, netCents, vatPercent);
  const rows = [
    ["Your price so far", change.previous, undefined],
    ["New price", change.next, undefined],
    ["Difference", change.difference, styles.difference],
  ] as const;
  return (
    <table className={styles.priceTable} data-testid="counteroffer-prices">
      <thead>
        <tr>
          <th scope="col">This line</th>
          <th scope="col" className="amount">
            Net
          </th>
          <th scope="col" className="amount">
            VAT {vatPercent} %
          </th>
          <th scope="col" className="amount">
            Gross
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, amounts, className]) => (
          <tr key={label} className={className}>
            <th scope="row">{label}</th>
            <td className="amount">{formatEuros(amounts.netCents)}</td>
            <td className="amount">{formatEuros(amounts.vatCents)}</td>
            <td className="amount">{formatEuros(amounts.grossCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

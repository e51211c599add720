import { formatEuros } from "@/lib/money/format-euros";

/** A table cell with an amount in euros, right-aligned, labelled for the stacked phone layout. */
export function AmountCell({ label, cents }: { label: string; cents: number }) {
  return (
    <td data-label={label} className="amount">
      {formatEuros(cents)}
    </td>
  );
}

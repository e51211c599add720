import { formatMoment } from "@/app/_components/format-dates";
import { formatEuros } from "@/lib/money/format-euros";
import styles from "./part.module.css";

/**
 * Above the final price: that it is final, since when, and whether checking features and rules changed
 * the preliminary price the buyer saw first (docs/decisions/0049).
 */
export function PriceSettledNote({
  preliminaryCents,
  finalCents,
  settledAt,
}: {
  preliminaryCents: number;
  finalCents: number | null;
  settledAt: Date | null;
}) {
  const when = settledAt ? ` at ${formatMoment(settledAt)}` : "";
  return (
    <p className={`muted ${styles.settledNote}`} role="status" data-testid="price-settled">
      Final price: features and manufacturing rules checked{when}.{" "}
      {finalCents === null
        ? `The preliminary price was ${formatEuros(preliminaryCents)}.`
        : finalCents === preliminaryCents
          ? "They did not change the price."
          : `They changed the price from ${formatEuros(preliminaryCents)} to ${formatEuros(finalCents)}.`}
    </p>
  );
}

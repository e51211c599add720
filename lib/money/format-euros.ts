const euros = new Intl.NumberFormat("en-IE", { style: "currency", currency: "EUR" });

/** Whole cents as euros for people, e.g. 123456 → "€1,234.56". */
export function formatEuros(cents: number): string {
  return euros.format(cents / 100);
}

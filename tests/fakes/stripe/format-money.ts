const symbols: Record<string, string> = { eur: "€", usd: "$", gbp: "£" };

/** An amount in the currency's smallest unit as Stripe writes it in messages and pages: "€1,234.50". */
export function formatMoney(amount: number, currency: string): string {
  const symbol = symbols[currency.toLowerCase()] ?? `${currency.toUpperCase()} `;
  const figures = (Math.abs(amount) / 100).toLocaleString("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${amount < 0 ? "-" : ""}${symbol}${figures}`;
}

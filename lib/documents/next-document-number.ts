import type { TransactionClient } from "../db/prisma";

/**
 * The next number of a document series in a year, e.g. `Q-2026-000123`, `INV-2026-000001` (buyer invoices),
 * `CN-2026-000001` (credit notes), `QT-2026-000001` (quote documents, lib/quote-documents) or `SB-2026-000001` (self-billing invoices for suppliers). The counter
 * row is bumped inside the caller's transaction and stays locked until it commits, so numbers are unique
 * and, because a rolled-back document takes its number back with it, without gaps.
 */
export async function nextDocumentNumber(
  tx: TransactionClient,
  series: "Q" | "QT" | "INV" | "CN" | "SB",
  date: Date = new Date(),
): Promise<string> {
  const year = date.getUTCFullYear();
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "DocumentCounter" ("series", "year", "last") VALUES (${series}, ${year}, 1)
    ON CONFLICT ("series", "year") DO UPDATE SET "last" = "DocumentCounter"."last" + 1
    RETURNING "last"`;
  return `${series}-${year}-${String(rows[0]!.last).padStart(6, "0")}`;
}

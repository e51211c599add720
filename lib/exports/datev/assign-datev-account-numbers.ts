import type { TransactionClient } from "@/lib/db/prisma";
import { datevFirstCreditorAccount, datevFirstDebtorAccount } from "./datev-accounts";

/**
 * Gives the companies that have none their personal DATEV account (buyers a debtor from 10000, partners
 * a creditor from 70000), in the order they were created, and keeps it for good: the adviser's open
 * items hang on it. Runs in the export's transaction; the advisory lock makes two exports at once number
 * one after the other instead of colliding on the unique number.
 */
export async function assignDatevAccountNumbers(
  tx: TransactionClient,
  companyIds: readonly string[],
): Promise<void> {
  if (companyIds.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('datev-account-numbers'))`;
  const missing = await tx.company.findMany({
    where: { id: { in: [...companyIds] }, datevAccountNumber: null },
    select: { id: true, kind: true },
    orderBy: { createdAt: "asc" },
  });
  for (const company of missing) {
    const isBuyer = company.kind === "BUYER";
    const first = isBuyer ? datevFirstDebtorAccount : datevFirstCreditorAccount;
    const last = isBuyer ? datevFirstCreditorAccount - 1 : 99_999;
    const highest = await tx.company.aggregate({
      where: { datevAccountNumber: { gte: first, lte: last } },
      _max: { datevAccountNumber: true },
    });
    await tx.company.update({
      where: { id: company.id },
      data: { datevAccountNumber: (highest._max.datevAccountNumber ?? first - 1) + 1 },
    });
  }
}

import type { Database } from "@/lib/db/prisma";
import { platformLegalDetails } from "@/lib/documents/platform-legal-details";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { berlinDate } from "../dates/berlin-date";
import { buildSepaCreditTransfer, type SepaTransfer } from "./build-sepa-credit-transfer";

/**
 * The SEPA credit-transfer file (pain.001) of every payout operations still have to send by bank
 * transfer (pending, manual transfer) to a partner with an IBAN, for upload to the platform's online
 * banking. Downloading changes nothing: operations still record each transfer as sent on the payments
 * page once the bank has executed it, with the bank's reference, so a file uploaded twice or not at all
 * cannot mark anything paid. Payouts of partners without an IBAN are left out and counted.
 */
export async function loadSepaPayoutsFile(
  db: Database,
  now: Date = new Date(),
): Promise<{ xml: string; fileName: string; transferCount: number; withoutIbanCount: number }> {
  const payouts = await db.payout.findMany({
    where: { status: "PENDING", method: "MANUAL_TRANSFER", currency: "EUR" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      amountCents: true,
      supplierCompany: { select: { name: true, bankAccountHolder: true, bankIban: true, bankBic: true } },
      order: { select: { number: true } },
      invoice: { select: { number: true } },
    },
  });
  const payable = payouts.filter((payout) => payout.supplierCompany.bankIban);
  if (payable.length === 0)
    throw new AppError(
      "not_found",
      payouts.length === 0
        ? "No bank transfer to a partner is waiting: there is nothing to put in a SEPA file."
        : "The partners waiting for a bank transfer have not given an IBAN yet: ask them to add it on their payouts page.",
    );
  const transfers: SepaTransfer[] = payable.map((payout) => ({
    creditorName: payout.supplierCompany.bankAccountHolder ?? payout.supplierCompany.name,
    creditorIban: payout.supplierCompany.bankIban!,
    creditorBic: payout.supplierCompany.bankBic,
    amountCents: payout.amountCents,
    endToEndId: payout.invoice?.number ?? payout.id,
    remittance: `${payout.invoice ? `Gutschrift ${payout.invoice.number} ` : ""}Auftrag ${payout.order.number}`,
  }));
  const env = getEnv();
  const stamp = now
    .toISOString()
    .replace(/[-:TZ.]/g, "")
    .slice(0, 14);
  const xml = buildSepaCreditTransfer(
    {
      name: platformLegalDetails().name,
      iban: env.PLATFORM_IBAN,
      bic: env.PLATFORM_BIC,
      messageId: `IQ-PAYOUTS-${stamp}`,
      createdAt: now,
      executionDate: berlinDate(now),
    },
    transfers,
  );
  return {
    xml,
    fileName: `sepa-payouts-${stamp}.xml`,
    transferCount: transfers.length,
    withoutIbanCount: payouts.length - payable.length,
  };
}

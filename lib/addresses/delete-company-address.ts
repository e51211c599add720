import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { recordAuditLog } from "../audit-log/record-audit-log";

/**
 * Removes a shipping address from the company's address book. Orders keep their own copy of every
 * address, so nothing placed changes. The billing address is changed, never removed: invoices need one.
 * An address that is not in the company's book (removed in another tab, or another company's) is
 * nothing to remove: the call changes nothing, and says nothing about other companies' addresses.
 */
export async function deleteCompanyAddress(
  db: Database,
  actor: { userId: string; companyId: string },
  addressId: string,
) {
  await db.$transaction(async (tx) => {
    const address = await tx.companyAddress.findFirst({
      where: { id: addressId, companyId: actor.companyId },
    });
    if (!address) return;
    if (address.kind === "BILLING")
      throw new AppError("validation_failed", "Change the billing address instead: invoices need one.");
    await tx.companyAddress.delete({ where: { id: address.id } });
    await recordAuditLog(tx, {
      actorUserId: actor.userId,
      companyId: actor.companyId,
      action: "address.removed",
      entityType: "CompanyAddress",
      entityId: address.id,
      data: { kind: address.kind, label: address.label },
    });
  });
}

import type { Database, TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { companyAddressSchema } from "./address-book-fields";

/** At most this many shipping addresses per company: an address book, not a customer database. */
export const maxShippingAddresses = 50;

/**
 * Adds or changes an entry of the company's address book. A company has one billing address: saving a
 * billing address replaces it, and the company's own address (what checkout has always updated) follows
 * it. A default shipping address takes the default from the one before.
 */
export async function saveCompanyAddress(
  db: Database,
  actor: { userId: string; companyId: string },
  input: unknown,
) {
  const address = companyAddressSchema.parse(input);
  return db.$transaction(async (tx) => {
    // One lock per address book: saves at the same moment keep one default and the cap (walk 7).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`address-book:${actor.companyId}`}, 0))`;
    const { addressId, kind, isDefault, ...fields } = address;
    const existing = addressId
      ? await tx.companyAddress.findFirst({ where: { id: addressId, companyId: actor.companyId } })
      : kind === "BILLING"
        ? await tx.companyAddress.findFirst({ where: { companyId: actor.companyId, kind: "BILLING" } })
        : null;
    if (addressId && !existing)
      throw new AppError("not_found", "This address is no longer in your address book; reload the page.");
    if (existing && existing.kind !== kind)
      throw new AppError("validation_failed", "An address keeps its kind: add a new one instead.", {
        field: "kind",
      });
    if (!existing && kind === "SHIPPING") {
      const count = await tx.companyAddress.count({ where: { companyId: actor.companyId, kind } });
      if (count >= maxShippingAddresses)
        throw new AppError(
          "validation_failed",
          `Your address book holds ${maxShippingAddresses} shipping addresses: remove one first.`,
        );
    }
    const makeDefault = kind === "SHIPPING" && isDefault;
    if (makeDefault)
      await tx.companyAddress.updateMany({
        where: { companyId: actor.companyId, kind: "SHIPPING", isDefault: true },
        data: { isDefault: false },
      });
    const data = { ...fields, isDefault: kind === "BILLING" || makeDefault };
    const saved = existing
      ? await tx.companyAddress.update({ where: { id: existing.id }, data })
      : await tx.companyAddress.create({ data: { ...data, companyId: actor.companyId, kind } });
    if (kind === "BILLING") await copyToCompany(tx, actor.companyId, fields);
    await recordAuditLog(tx, {
      actorUserId: actor.userId,
      companyId: actor.companyId,
      action: existing ? "address.changed" : "address.added",
      entityType: "CompanyAddress",
      entityId: saved.id,
      data: { kind, label: saved.label },
    });
    return saved;
  });
}

/** The company's own address is its billing address, as checkout keeps it. */
async function copyToCompany(
  tx: TransactionClient,
  companyId: string,
  address: { line: string; postalCode: string; city: string },
) {
  await tx.company.update({
    where: { id: companyId },
    data: { addressLine: address.line, postalCode: address.postalCode, city: address.city },
  });
}

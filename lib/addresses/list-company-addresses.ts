import type { Database, TransactionClient } from "../db/prisma";
import type { SavedAddress } from "./address-book-fields";

/** The company's address book: the billing address first, then shipping, the default first, by label. */
export async function listCompanyAddresses(
  db: Database | TransactionClient,
  companyId: string,
): Promise<SavedAddress[]> {
  return db.companyAddress.findMany({
    where: { companyId },
    orderBy: [{ kind: "asc" }, { isDefault: "desc" }, { label: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      kind: true,
      label: true,
      name: true,
      line: true,
      postalCode: true,
      city: true,
      countryCode: true,
      isDefault: true,
    },
  });
}

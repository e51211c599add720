import { listCompanyAddresses } from "@/lib/addresses/list-company-addresses";
import { may } from "@/lib/auth/permissions";
import type { UserRole } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { AddressBook } from "./address-book-forms";
import styles from "./address-book.module.css";

/**
 * The company's saved billing and shipping addresses (issue 18), for buyers: purchasers and admins keep
 * them, engineers read them. Checkout fills them in and offers to save new ones.
 */
export async function AddressBookSection({ user }: { user: { companyId: string; role: UserRole } }) {
  if (!may(user.role, "shop.view")) return null;
  const addresses = await listCompanyAddresses(getPrisma(), user.companyId);
  return (
    <section className={`card ${styles.section}`} aria-labelledby="addresses-heading">
      <h2 id="addresses-heading">Addresses</h2>
      <AddressBook addresses={addresses} canEdit={may(user.role, "order.place")} />
    </section>
  );
}

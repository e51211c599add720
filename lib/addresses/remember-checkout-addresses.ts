import type { TransactionClient } from "../db/prisma";
import type { Address } from "../orders/checkout-fields";
import { maxShippingAddresses } from "./save-company-address";

const sameAddress = (a: Address, b: Address) =>
  a.name === b.name &&
  a.line === b.line &&
  a.postalCode === b.postalCode &&
  a.city === b.city &&
  a.countryCode === b.countryCode;

/**
 * What checkout keeps for the next order, in the order's transaction. The billing address becomes the
 * address book's billing entry (as it has always become the company's address). The shipping address
 * joins the book only when the buyer ticked "save this address" and it is not in the book yet; the
 * first saved one becomes the default.
 */
export async function rememberCheckoutAddresses(
  tx: TransactionClient,
  companyId: string,
  checkout: {
    billingAddress: Address;
    shippingAddress: Address;
    saveShippingAddress: boolean;
    shippingAddressLabel: string;
  },
): Promise<void> {
  const book = await tx.companyAddress.findMany({ where: { companyId } });
  const billing = book.find((entry) => entry.kind === "BILLING");
  if (!billing)
    await tx.companyAddress.create({
      data: { companyId, kind: "BILLING", label: "Billing", isDefault: true, ...checkout.billingAddress },
    });
  else if (!sameAddress(billing, checkout.billingAddress))
    await tx.companyAddress.update({ where: { id: billing.id }, data: checkout.billingAddress });

  if (!checkout.saveShippingAddress) return;
  const shipping = book.filter((entry) => entry.kind === "SHIPPING");
  if (shipping.some((entry) => sameAddress(entry, checkout.shippingAddress))) return;
  if (shipping.length >= maxShippingAddresses) return;
  const { name, city } = checkout.shippingAddress;
  await tx.companyAddress.create({
    data: {
      companyId,
      kind: "SHIPPING",
      label: checkout.shippingAddressLabel || `${name}, ${city}`,
      isDefault: shipping.length === 0,
      ...checkout.shippingAddress,
    },
  });
}

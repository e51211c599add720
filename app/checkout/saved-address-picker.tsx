"use client";

import type { SavedAddress } from "@/lib/addresses/address-book-fields";

/** The company's saved shipping addresses: picking one fills in the shipping address. */
export function SavedAddressPicker({
  addresses,
  pickedId,
  onPick,
}: {
  addresses: SavedAddress[];
  pickedId: string;
  onPick: (address: SavedAddress | null) => void;
}) {
  if (addresses.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor="savedShippingAddress">Ship to a saved address</label>
      <select
        id="savedShippingAddress"
        value={pickedId}
        onChange={(event) => onPick(addresses.find((address) => address.id === event.target.value) ?? null)}
      >
        <option value="">None: the address below</option>
        {addresses.map((address) => (
          <option key={address.id} value={address.id}>
            {address.label} · {address.name}, {address.city}
            {address.isDefault ? " (default)" : ""}
          </option>
        ))}
      </select>
    </div>
  );
}

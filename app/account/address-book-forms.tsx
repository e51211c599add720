"use client";

import { useState } from "react";
import { CountrySelect } from "@/app/_components/country-select";
import { FormField } from "@/app/_components/form-field";
import { ConfirmSubmitButton } from "@/app/_components/confirm-submit-button";
import type { SavedAddress } from "@/lib/addresses/address-book-fields";
import { useFormAction } from "@/lib/forms/use-form-action";
import { deleteAddressAction, saveAddressAction } from "./address-book-actions";
import styles from "./address-book.module.css";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** One address as a few lines, the country by name. */
function AddressLines({ address }: { address: SavedAddress }) {
  return (
    <address className={styles.lines}>
      {address.name}
      <br />
      {address.line}
      <br />
      {address.postalCode} {address.city}
      <br />
      {regionNames.of(address.countryCode) ?? address.countryCode}
    </address>
  );
}

type Editing = { kind: "BILLING" | "SHIPPING"; address: SavedAddress | null };

/**
 * The company's address book: the billing address and the shipping addresses with their labels and the
 * default. One form at a time (change one, or add a shipping address), so every field keeps one id.
 */
export function AddressBook({ addresses, canEdit }: { addresses: SavedAddress[]; canEdit: boolean }) {
  const billing = addresses.find((address) => address.kind === "BILLING") ?? null;
  const shipping = addresses.filter((address) => address.kind === "SHIPPING");
  const [editing, setEditing] = useState<Editing | null>(null);
  return (
    <>
      <h3>Billing address</h3>
      {billing ? (
        <div className={styles.entry} data-testid="billing-address">
          <AddressLines address={billing} />
          {canEdit && (
            <button
              type="button"
              className="secondary"
              onClick={() => setEditing({ kind: "BILLING", address: billing })}
            >
              Change
            </button>
          )}
        </div>
      ) : (
        <p className="muted">
          None yet: the billing address of your first order is kept here.{" "}
          {canEdit && (
            <button
              type="button"
              className="secondary"
              onClick={() => setEditing({ kind: "BILLING", address: null })}
            >
              Add it now
            </button>
          )}
        </p>
      )}
      <h3>Shipping addresses</h3>
      {shipping.length === 0 && (
        <p className="muted">None saved: checkout offers to save the addresses you ship to.</p>
      )}
      <ul className={styles.list}>
        {shipping.map((address) => (
          <li key={address.id} className={styles.entry} data-testid="shipping-address">
            <div>
              <strong>{address.label}</strong>
              {address.isDefault && <span className="hint"> · default at checkout</span>}
              <AddressLines address={address} />
            </div>
            {canEdit && (
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setEditing({ kind: "SHIPPING", address })}
                >
                  Change
                </button>
                <form action={deleteAddressAction}>
                  <input type="hidden" name="addressId" value={address.id} />
                  <ConfirmSubmitButton
                    className="secondary"
                    question={`Remove “${address.label}” from the address book?`}
                  >
                    Remove
                  </ConfirmSubmitButton>
                </form>
              </div>
            )}
          </li>
        ))}
      </ul>
      {canEdit &&
        (editing ? (
          <AddressForm
            key={editing.address?.id ?? editing.kind}
            editing={editing}
            onDone={() => setEditing(null)}
          />
        ) : (
          <button type="button" onClick={() => setEditing({ kind: "SHIPPING", address: null })}>
            Add a shipping address
          </button>
        ))}
    </>
  );
}

function AddressForm({ editing, onDone }: { editing: Editing; onDone: () => void }) {
  const { kind, address } = editing;
  const form = useFormAction(saveAddressAction, {
    resetOnSuccess: false,
    defaults: address
      ? {
          label: address.label,
          name: address.name,
          line: address.line,
          postalCode: address.postalCode,
          city: address.city,
        }
      : { label: kind === "BILLING" ? "Billing" : "" },
  });
  const heading = address
    ? `Change “${address.label}”`
    : kind === "BILLING"
      ? "Billing address"
      : "New shipping address";
  return (
    <form {...form.props} className={`form ${styles.form}`} aria-label={heading}>
      <h3>{heading}</h3>
      {form.messages.error && (
        <p className="alert error" role="alert">
          {form.messages.error}
        </p>
      )}
      {form.messages.success && (
        <p className="alert ok" role="status">
          {form.messages.success}
        </p>
      )}
      <input type="hidden" name="addressId" value={address?.id ?? ""} />
      <input type="hidden" name="kind" value={kind} />
      <FormField
        name="label"
        label="Label"
        hint="e.g. Main plant, goods in"
        defaultValue={form.value("label")}
        error={form.error("label")}
        required
      />
      <FormField
        name="name"
        label="Attention of (person or department)"
        defaultValue={form.value("name")}
        error={form.error("name")}
        required
      />
      <FormField
        name="line"
        label="Street and number"
        autoComplete="street-address"
        defaultValue={form.value("line")}
        error={form.error("line")}
        required
      />
      <div className={styles.two}>
        <FormField
          name="postalCode"
          label="Postal code"
          autoComplete="postal-code"
          defaultValue={form.value("postalCode")}
          error={form.error("postalCode")}
          required
        />
        <FormField
          name="city"
          label="City"
          autoComplete="address-level2"
          defaultValue={form.value("city")}
          error={form.error("city")}
          required
        />
      </div>
      <CountrySelect
        defaultValue={form.value("countryCode") ?? address?.countryCode}
        error={form.error("countryCode")}
      />
      {kind === "SHIPPING" && (
        <label className="check">
          <input
            type="checkbox"
            name="isDefault"
            defaultChecked={form.value("isDefault") === "on" || Boolean(address?.isDefault)}
          />
          Fill in at checkout (default shipping address)
        </label>
      )}
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save address"}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {form.messages.success ? "Close" : "Cancel"}
        </button>
      </div>
    </form>
  );
}

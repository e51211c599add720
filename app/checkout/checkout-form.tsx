"use client";

import { useState } from "react";
import { countries, CountrySelect } from "@/app/_components/country-select";
import { FormField } from "@/app/_components/form-field";
import { certificateNames } from "@/lib/catalogue/certificate-names";
import { QualityDocumentChoice } from "./quality-document-choice";
import { formatEuros } from "@/lib/money/format-euros";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { PaymentMethodChoice } from "@/lib/payments/payment-methods-open";
import { placeOrderAction } from "./actions";
import { PaymentMethodChoices, type InvoiceTermsLine } from "./payment-method-choice";
import { LegalAcceptance } from "./legal-acceptance";
import styles from "./checkout.module.css";
import type { SavedAddress } from "@/lib/addresses/address-book-fields";
import { PurchaseReferenceFields } from "./purchase-reference-fields";
import { SaveAddressChoice } from "./save-address-choice";
import { SavedAddressPicker } from "./saved-address-picker";

type CheckoutForm = ReturnType<typeof useFormAction>;

interface Defaults {
  companyName: string;
  vatNumber: string;
  name: string;
  line: string;
  postalCode: string;
  city: string;
  countryCode: string;
}

function AddressFields({
  prefix,
  legend,
  form,
  defaults,
  picked,
}: {
  prefix: "billing" | "shipping";
  legend: string;
  form: CheckoutForm;
  defaults: Defaults;
  /** A saved address the buyer picked: it fills the fields, over what was typed before. */
  picked?: SavedAddress | null;
}) {
  const value = (name: keyof Defaults) =>
    (picked && name in picked ? picked[name as keyof SavedAddress] : undefined)?.toString() ??
    form.value(`${prefix}.${name}`) ??
    defaults[name];
  // The use-case names the address fields billingAddress.… and shippingAddress.…
  const error = (name: keyof Defaults) => form.error(`${prefix}Address.${name}`);
  return (
    <fieldset className={`field ${styles.address}`}>
      <legend>{legend}</legend>
      <FormField
        name={`${prefix}.name`}
        label="Attention of (person or department)"
        autoComplete="name"
        defaultValue={value("name")}
        error={error("name")}
        required
      />
      <FormField
        name={`${prefix}.line`}
        label="Street and number"
        autoComplete="street-address"
        defaultValue={value("line")}
        error={error("line")}
        required
      />
      <div className={styles.two}>
        <FormField
          name={`${prefix}.postalCode`}
          label="Postal code"
          autoComplete="postal-code"
          defaultValue={value("postalCode")}
          error={error("postalCode")}
          required
        />
        <FormField
          name={`${prefix}.city`}
          label="City"
          autoComplete="address-level2"
          defaultValue={value("city")}
          error={error("city")}
          required
        />
      </div>
      <CountrySelect
        name={`${prefix}.countryCode`}
        defaultValue={value("countryCode")}
        error={error("countryCode")}
      />
    </fieldset>
  );
}

/** Company, VAT number, billing and shipping addresses and the payment method; one submit places the order. */
export function CheckoutForm(props: {
  defaults: Defaults;
  payment: { choices: PaymentMethodChoice[]; best: string | null; invoice: InvoiceTermsLine };
  approvalLimitCents: number | null;
  approvesOwnOrders: boolean;
  subtotalCents: number;
  legalVersions: { termsVersion: number; privacyVersion: number };
  /** The company's saved shipping addresses (issue 18), the default first. */
  savedAddresses?: SavedAddress[];
  /** The cart's quotes as this page showed them: a second tab's submit then names the order they went into. */
  cartQuoteIds: string[];
}) {
  const { defaults } = props;
  const form = useFormAction(placeOrderAction, {
    defaults: { companyName: defaults.companyName, vatNumber: defaults.vatNumber },
  });
  const { pending, error } = form;
  const savedAddresses = props.savedAddresses ?? [];
  const [picked, setPicked] = useState<SavedAddress | null>(
    savedAddresses.find((address) => address.isDefault) ?? null,
  );
  const [shippingSame, setShippingSame] = useState(
    form.reply?.status === "error" ? form.value("shippingSame") === "on" : !picked,
  );
  return (
    <form {...form.props} id="checkout-form" className="form card" noValidate>
      {props.cartQuoteIds.map((quoteId) => (
        <input key={quoteId} type="hidden" name="cartQuoteIds" value={quoteId} />
      ))}
      {form.messages.error && (
        <div className="alert error" role="alert">
          {form.messages.error}
        </div>
      )}
      <FormField
        name="companyName"
        label="Company"
        autoComplete="organization"
        defaultValue={form.value("companyName")}
        error={error("companyName")}
        required
      />
      <FormField
        name="vatNumber"
        label="VAT number (optional)"
        hint="With the country prefix, e.g. ATU12345675. Delivered to another EU country, a business whose VAT ID VIES confirms pays no German VAT."
        defaultValue={form.value("vatNumber")}
        error={error("vatNumber")}
      />
      <AddressFields prefix="billing" legend="Billing address" form={form} defaults={defaults} />
      <label className="check">
        <input
          type="checkbox"
          name="shippingSame"
          checked={shippingSame}
          onChange={(event) => setShippingSame(event.target.checked)}
        />
        Ship to the billing address
      </label>
      <SavedAddressPicker
        addresses={savedAddresses}
        pickedId={shippingSame ? "" : (picked?.id ?? "")}
        onPick={(address) => {
          setPicked(address);
          if (address) setShippingSame(false);
        }}
      />
      {!shippingSame && (
        <AddressFields
          key={picked?.id ?? "new"}
          prefix="shipping"
          legend="Shipping address"
          form={form}
          defaults={defaults}
          picked={picked}
        />
      )}
      {!shippingSame && !picked && <SaveAddressChoice form={form} />}
      <PurchaseReferenceFields form={form} />
      <fieldset className="field">
        <legend>Manufacturing requirements (optional)</legend>
        <div className="field">
          <label htmlFor="requiredCountryCode">Made in</label>
          <select
            id="requiredCountryCode"
            name="requiredCountryCode"
            defaultValue={form.value("requiredCountryCode") ?? ""}
            aria-invalid={error("requiredCountryCode") ? true : undefined}
          >
            <option value="">Anywhere in our partner network</option>
            {countries.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          {error("requiredCountryCode") && (
            <span className="field-error">{error("requiredCountryCode")}</span>
          )}
        </div>
        <span className="hint" id="required-certificates-hint">
          Certificates the manufacturer must hold:
        </span>
        <div className="checks" role="group" aria-labelledby="required-certificates-hint">
          {Object.entries(certificateNames).map(([kind, name]) => (
            <label key={kind}>
              <input
                type="checkbox"
                name="requiredCertificates"
                value={kind}
                defaultChecked={form.values("requiredCertificates")?.includes(kind)}
              />{" "}
              {name}
            </label>
          ))}
        </div>
        {error("requiredCertificates") && (
          <span className="field-error">{error("requiredCertificates")}</span>
        )}
        <QualityDocumentChoice form={form} />
      </fieldset>
      <PaymentMethodChoices
        choices={props.payment.choices}
        chosen={form.value("paymentMethod") ?? props.payment.best}
        invoice={props.payment.invoice}
        error={error("paymentMethod")}
      />
      <LegalAcceptance form={form} {...props.legalVersions} />
      {props.approvalLimitCents !== null &&
        props.subtotalCents > props.approvalLimitCents &&
        !props.approvesOwnOrders && (
          <p className="alert warn">
            This order is above your company&apos;s approval limit of {formatEuros(props.approvalLimitCents)}:
            it waits for an admin to approve it.
          </p>
        )}
      <button type="submit" disabled={pending || props.payment.best === null}>
        {pending ? "Placing the order…" : "Place order"}
      </button>
    </form>
  );
}

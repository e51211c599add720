"use client";

import { useActionState, useState } from "react";
import { countries, CountrySelect } from "@/app/_components/country-select";
import { FormField } from "@/app/_components/form-field";
import { certificateNames } from "@/lib/catalogue/certificate-names";
import { formatEuros } from "@/lib/money/format-euros";
import { placeOrderAction, type CheckoutState } from "./actions";
import styles from "./checkout.module.css";

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
  state,
  defaults,
}: {
  prefix: "billing" | "shipping";
  legend: string;
  state: CheckoutState;
  defaults: Defaults;
}) {
  const value = (name: string, fallback: string) => state.values?.[`${prefix}.${name}`] ?? fallback;
  const error = (name: string) => state.fieldErrors?.[`${prefix}Address.${name}`];
  return (
    <fieldset className="field address">
      <legend>{legend}</legend>
      <FormField
        name={`${prefix}.name`}
        label="Attention of (person or department)"
        autoComplete="name"
        defaultValue={value("name", defaults.name)}
        error={error("name")}
        required
      />
      <FormField
        name={`${prefix}.line`}
        label="Street and number"
        autoComplete="street-address"
        defaultValue={value("line", defaults.line)}
        error={error("line")}
        required
      />
      <div className={styles.two}>
        <FormField
          name={`${prefix}.postalCode`}
          label="Postal code"
          autoComplete="postal-code"
          defaultValue={value("postalCode", defaults.postalCode)}
          error={error("postalCode")}
          required
        />
        <FormField
          name={`${prefix}.city`}
          label="City"
          autoComplete="address-level2"
          defaultValue={value("city", defaults.city)}
          error={error("city")}
          required
        />
      </div>
      <CountrySelect
        name={`${prefix}.countryCode`}
        defaultValue={value("countryCode", defaults.countryCode)}
        error={error("countryCode")}
      />
    </fieldset>
  );
}

/** Company, VAT number, billing and shipping addresses and the payment method; one submit places the order. */
export function CheckoutForm(props: {
  defaults: Defaults;
  invoiceUnavailable: string | null;
  cardUnavailable: string | null;
  paymentTermsDays: number;
  approvalLimitCents: number | null;
  approvesOwnOrders: boolean;
  subtotalCents: number;
}) {
  const [state, action, pending] = useActionState<CheckoutState, FormData>(placeOrderAction, {});
  const [shippingSame, setShippingSame] = useState(state.values ? state.values.shippingSame === "on" : true);
  const defaultPayment =
    state.values?.paymentMethod ??
    (props.invoiceUnavailable ? (props.cardUnavailable ? "" : "CARD") : "INVOICE");
  const { defaults } = props;
  return (
    <form action={action} className="form card" noValidate>
      {state.error && (
        <div className="alert error" role="alert">
          {state.error}
        </div>
      )}
      <FormField
        name="companyName"
        label="Company"
        autoComplete="organization"
        defaultValue={state.values?.companyName ?? defaults.companyName}
        error={state.fieldErrors?.companyName}
        required
      />
      <FormField
        name="vatNumber"
        label="VAT number (optional)"
        hint="With the country prefix, e.g. DE123456789. EU businesses outside Germany pay no German VAT with it."
        defaultValue={state.values?.vatNumber ?? defaults.vatNumber}
        error={state.fieldErrors?.vatNumber}
      />
      <AddressFields prefix="billing" legend="Billing address" state={state} defaults={defaults} />
      <label className="check">
        <input
          type="checkbox"
          name="shippingSame"
          checked={shippingSame}
          onChange={(event) => setShippingSame(event.target.checked)}
        />
        Ship to the billing address
      </label>
      {!shippingSame && (
        <AddressFields prefix="shipping" legend="Shipping address" state={state} defaults={defaults} />
      )}
      <fieldset className="field">
        <legend>Manufacturing requirements (optional)</legend>
        <div className="field">
          <label htmlFor="requiredCountryCode">Made in</label>
          <select
            key={state.values?.requiredCountryCode ?? ""}
            id="requiredCountryCode"
            name="requiredCountryCode"
            defaultValue={state.values?.requiredCountryCode ?? ""}
            aria-invalid={state.fieldErrors?.requiredCountryCode ? true : undefined}
          >
            <option value="">Anywhere in our partner network</option>
            {countries.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          {state.fieldErrors?.requiredCountryCode && (
            <span className="field-error">{state.fieldErrors.requiredCountryCode}</span>
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
                defaultChecked={state.values?.requiredCertificates?.split(",").includes(kind)}
              />{" "}
              {name}
            </label>
          ))}
        </div>
        {state.fieldErrors?.requiredCertificates && (
          <span className="field-error">{state.fieldErrors.requiredCertificates}</span>
        )}
      </fieldset>
      <fieldset className="field">
        <legend>Payment</legend>
        <label className={`${styles.payChoice}${props.invoiceUnavailable ? " unavailable" : ""}`}>
          <input
            type="radio"
            name="paymentMethod"
            value="INVOICE"
            defaultChecked={defaultPayment === "INVOICE"}
            disabled={Boolean(props.invoiceUnavailable)}
          />
          <span>
            <strong>Invoice</strong>, payable within {props.paymentTermsDays} days
            {props.invoiceUnavailable && <span className="hint"> · {props.invoiceUnavailable}</span>}
          </span>
        </label>
        <label className={`${styles.payChoice}${props.cardUnavailable ? " unavailable" : ""}`}>
          <input
            type="radio"
            name="paymentMethod"
            value="CARD"
            defaultChecked={defaultPayment === "CARD"}
            disabled={Boolean(props.cardUnavailable)}
          />
          <span>
            <strong>Card</strong> through Stripe Checkout
            {props.cardUnavailable && <span className="hint"> · {props.cardUnavailable}</span>}
          </span>
        </label>
        {state.fieldErrors?.paymentMethod && (
          <span className="field-error">{state.fieldErrors.paymentMethod}</span>
        )}
      </fieldset>
      {props.approvalLimitCents !== null &&
        props.subtotalCents > props.approvalLimitCents &&
        !props.approvesOwnOrders && (
          <p className="alert warn">
            This order is above your company&apos;s approval limit of {formatEuros(props.approvalLimitCents)}:
            it waits for an admin to approve it.
          </p>
        )}
      <button
        type="submit"
        disabled={pending || (Boolean(props.invoiceUnavailable) && Boolean(props.cardUnavailable))}
      >
        {pending ? "Placing the order…" : "Place order"}
      </button>
    </form>
  );
}

"use client";

import { FormField } from "@/app/_components/form-field";
import type { useFormAction } from "@/lib/forms/use-form-action";
import styles from "./checkout.module.css";
import ownStyles from "./purchase-reference-fields.module.css";

/** The buyer's purchase-order number and cost centre: optional, printed on every document of the order. */
export function PurchaseReferenceFields({ form }: { form: ReturnType<typeof useFormAction> }) {
  return (
    <fieldset className={`field ${styles.address}`}>
      <legend>Your references (optional)</legend>
      <div className={ownStyles.references}>
        <FormField
          name="purchaseOrderNumber"
          label="Purchase-order number"
          maxLength={50}
          defaultValue={form.value("purchaseOrderNumber")}
          error={form.error("purchaseOrderNumber")}
        />
        <FormField
          name="costCentre"
          label="Cost centre"
          maxLength={50}
          defaultValue={form.value("costCentre")}
          error={form.error("costCentre")}
        />
      </div>
      <span className="hint">Printed on the order confirmation, the invoice and every other document.</span>
    </fieldset>
  );
}

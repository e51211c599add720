"use client";

import { useState } from "react";
import { FormField } from "@/app/_components/form-field";
import type { useFormAction } from "@/lib/forms/use-form-action";

/** "Save this address" for a new shipping address, with the label it gets in the address book. */
export function SaveAddressChoice({ form }: { form: ReturnType<typeof useFormAction> }) {
  const [save, setSave] = useState(form.value("saveShippingAddress") === "on");
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          name="saveShippingAddress"
          checked={save}
          onChange={(event) => setSave(event.target.checked)}
        />
        Save this shipping address in our address book
      </label>
      {save && (
        <FormField
          name="shippingAddressLabel"
          label="Label (optional)"
          hint="e.g. Plant 2, goods in. Without one it is named after the recipient and city."
          maxLength={60}
          defaultValue={form.value("shippingAddressLabel")}
          error={form.error("shippingAddressLabel")}
        />
      )}
    </>
  );
}

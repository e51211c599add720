"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { FormField } from "@/app/_components/form-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { approvalLimitAction } from "./actions";

export function ApprovalLimitForm({ limitEuros }: { limitEuros: string }) {
  const form = useFormAction(approvalLimitAction);
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <FormField
        name="limitEuros"
        label="Orders above this net amount (€) wait for an admin's approval"
        inputMode="decimal"
        defaultValue={form.value("limitEuros") ?? limitEuros}
        hint="Leave empty for no approval step. Admins' own orders need no approval."
        error={form.error("limitEuros")}
      />
      <button type="submit" disabled={form.pending}>
        Save limit
      </button>
    </form>
  );
}

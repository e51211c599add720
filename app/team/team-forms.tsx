"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { FormField } from "@/app/_components/form-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { approvalLimitAction, inviteAction } from "./actions";

export function InviteForm() {
  const form = useFormAction(inviteAction);
  return (
    <form {...form.props} className="form" noValidate>
      <FormMessages state={form.messages} />
      <FormField
        name="email"
        label="Colleague's e-mail"
        type="email"
        autoComplete="off"
        required
        defaultValue={form.value("email")}
        error={form.error("email")}
      />
      <div className="field">
        <label htmlFor="role">Role</label>
        <select id="role" name="role" defaultValue={form.value("role") ?? "BUYER_ENGINEER"}>
          <option value="BUYER_ENGINEER">Engineer: quotes and carts</option>
          <option value="BUYER_PURCHASER">Purchaser: also places orders</option>
          <option value="BUYER_ADMIN">Admin: also team, limit and approvals</option>
        </select>
        {form.error("role") && <span className="field-error">{form.error("role")}</span>}
      </div>
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Sending…" : "Send invitation"}
      </button>
    </form>
  );
}

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

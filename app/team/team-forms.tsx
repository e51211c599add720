"use client";

import { useActionState } from "react";
import { FormMessages } from "@/app/_components/form-messages";
import { FormField } from "@/app/_components/form-field";
import { approvalLimitAction, inviteAction, type TeamActionState } from "./actions";

export function InviteForm() {
  const [state, action, pending] = useActionState<TeamActionState, FormData>(inviteAction, {});
  return (
    <form action={action} className="form" noValidate>
      <FormMessages state={state} />
      <FormField
        name="email"
        label="Colleague's e-mail"
        type="email"
        autoComplete="off"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <div className="field">
        <label htmlFor="role">Role</label>
        {/* Keyed by the typed role, as CountrySelect: a refused invitation keeps the choice. */}
        <select
          key={state.values?.role ?? "BUYER_ENGINEER"}
          id="role"
          name="role"
          defaultValue={state.values?.role ?? "BUYER_ENGINEER"}
        >
          <option value="BUYER_ENGINEER">Engineer: quotes and carts</option>
          <option value="BUYER_PURCHASER">Purchaser: also places orders</option>
          <option value="BUYER_ADMIN">Admin: also team, limit and approvals</option>
        </select>
        {state.fieldErrors?.role && <span className="field-error">{state.fieldErrors.role}</span>}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send invitation"}
      </button>
    </form>
  );
}

export function ApprovalLimitForm({ limitEuros }: { limitEuros: string }) {
  const [state, action, pending] = useActionState<TeamActionState, FormData>(approvalLimitAction, {});
  return (
    <form action={action} className="form" noValidate>
      <FormMessages state={state} />
      <FormField
        name="limitEuros"
        label="Orders above this net amount (€) wait for an admin's approval"
        inputMode="decimal"
        defaultValue={state.values?.limitEuros ?? limitEuros}
        hint="Leave empty for no approval step. Admins' own orders need no approval."
        error={state.fieldErrors?.form ?? state.fieldErrors?.limitEuros}
      />
      <button type="submit" disabled={pending}>
        Save limit
      </button>
    </form>
  );
}

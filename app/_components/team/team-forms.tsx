"use client";

import { ConfirmSubmitButton } from "@/app/_components/confirm-submit-button";
import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import styles from "./team.module.css";

type TeamAction = Parameters<typeof useFormAction>[0];

/** The role choices of the team's kind (lib/team/team-roles.ts), least to most. */
export type RoleChoices = { value: string; label: string }[];

export function InviteForm({ action, roles }: { action: TeamAction; roles: RoleChoices }) {
  const form = useFormAction(action);
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
        <select id="role" name="role" defaultValue={form.value("role") ?? roles[0]?.value}>
          {roles.map((role) => (
            <option key={role.value} value={role.value}>
              {role.label}
            </option>
          ))}
        </select>
        {form.error("role") && <span className="field-error">{form.error("role")}</span>}
      </div>
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Sending…" : "Send invitation"}
      </button>
    </form>
  );
}

/** A colleague's role, changed in place; a refusal (e.g. the last admin) shows beside it. */
export function MemberRoleForm({
  action,
  member,
  roles,
}: {
  action: TeamAction;
  member: { id: string; name: string; role: string };
  roles: RoleChoices;
}) {
  const form = useFormAction(action, { resetOnSuccess: false });
  const fieldId = `role-${member.id}`;
  return (
    <form {...form.props} className={styles.inlineForm}>
      <input type="hidden" name="userId" value={member.id} />
      <label htmlFor={fieldId} className="visually-hidden">
        Role of {member.name}
      </label>
      <select id={fieldId} name="role" defaultValue={form.value("role") ?? member.role}>
        {roles.map((role) => (
          <option key={role.value} value={role.value}>
            {role.label.split(":")[0]}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary small" disabled={form.pending}>
        {form.pending ? "Changing…" : "Change role"}
      </button>
      <InlineMessages messages={form.messages} />
    </form>
  );
}

/**
 * The remove button of an active member. A removed member's row keeps the form without its button, so
 * the answer ("… is removed from the team and signed out") stays on screen after the page reloads the
 * list, instead of leaving with the button.
 */
export function RemoveMemberForm({
  action,
  member,
  removed = false,
}: {
  action: TeamAction;
  member: { id: string; name: string };
  removed?: boolean;
}) {
  const form = useFormAction(action);
  if (removed) return <InlineMessages messages={form.messages} />;
  return (
    <form {...form.props} className={styles.inlineForm}>
      <input type="hidden" name="userId" value={member.id} />
      <ConfirmSubmitButton
        className="secondary small"
        disabled={form.pending}
        question={`Remove ${member.name} from the team? They are signed out at once, and the API keys and webhook endpoints they created stop working.`}
      >
        <span aria-hidden="true">Remove</span>
        <span className="visually-hidden">Remove {member.name}</span>
      </ConfirmSubmitButton>
      <InlineMessages messages={form.messages} />
    </form>
  );
}

export function WithdrawInvitationForm({
  action,
  invitation,
}: {
  action: TeamAction;
  invitation: { id: string; email: string };
}) {
  const form = useFormAction(action);
  return (
    <form {...form.props} className={styles.inlineForm}>
      <input type="hidden" name="invitationId" value={invitation.id} />
      <button
        type="submit"
        className="secondary small"
        disabled={form.pending}
        aria-label={`Withdraw the invitation of ${invitation.email}`}
      >
        Withdraw
      </button>
      <InlineMessages messages={form.messages} />
    </form>
  );
}

function InlineMessages({ messages }: { messages: ReturnType<typeof useFormAction>["messages"] }) {
  if (messages.error)
    return (
      <span className="field-error" role="alert">
        {messages.error}
      </span>
    );
  if (messages.success)
    return (
      <span className="muted" role="status">
        {messages.success}
      </span>
    );
  return null;
}

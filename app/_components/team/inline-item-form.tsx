"use client";

import type { ReactNode } from "react";
import { ConfirmSubmitButton } from "@/app/_components/confirm-submit-button";
import { useFormAction } from "@/lib/forms/use-form-action";
import styles from "./team-card-forms.module.css";

/**
 * A one-button form on a row of a team card (revoke a key, delete an endpoint, send a delivery again): the
 * row's id in a hidden field, a small secondary button (asking `confirm` first, when given) whose content
 * follows the pending state, and the answer beside it: the error always, the success sentence only with
 * `showSuccess` (most rows disappear or change on success).
 */
export function InlineItemForm({
  action,
  idField,
  confirm,
  showSuccess = false,
  children,
}: {
  action: Parameters<typeof useFormAction>[0];
  idField: { name: string; value: string };
  confirm?: string;
  showSuccess?: boolean;
  children: (pending: boolean) => ReactNode;
}) {
  const form = useFormAction(action);
  const { error, success } = form.messages;
  const answer = error || (showSuccess ? success : undefined);
  return (
    <form {...form.props} className={styles.inlineForm}>
      <input type="hidden" name={idField.name} value={idField.value} />
      {confirm ? (
        <ConfirmSubmitButton question={confirm} className="secondary small" disabled={form.pending}>
          {children(form.pending)}
        </ConfirmSubmitButton>
      ) : (
        <button type="submit" className="secondary small" disabled={form.pending}>
          {children(form.pending)}
        </button>
      )}
      {answer && (
        <span className={error ? "field-error" : "muted"} role={error ? "alert" : "status"}>
          {answer}
        </span>
      )}
    </form>
  );
}

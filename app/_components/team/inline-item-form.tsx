"use client";

import type { ReactNode } from "react";
import { useFormAction } from "@/lib/forms/use-form-action";
import styles from "./team-card-forms.module.css";

/**
 * A one-button form on a row of a team card (revoke a key, delete an endpoint, send a delivery again): the
 * row's id in a hidden field, the button (given the pending state), and the answer beside it: the error
 * always, the success sentence only with `showSuccess` (most rows disappear or change on success).
 */
export function InlineItemForm({
  action,
  idField,
  showSuccess = false,
  children,
}: {
  action: Parameters<typeof useFormAction>[0];
  idField: { name: string; value: string };
  showSuccess?: boolean;
  children: (pending: boolean) => ReactNode;
}) {
  const form = useFormAction(action);
  const { error, success } = form.messages;
  const answer = error || (showSuccess ? success : undefined);
  return (
    <form {...form.props} className={styles.inlineForm}>
      <input type="hidden" name={idField.name} value={idField.value} />
      {children(form.pending)}
      {answer && (
        <span className={error ? "field-error" : "muted"} role={error ? "alert" : "status"}>
          {answer}
        </span>
      )}
    </form>
  );
}

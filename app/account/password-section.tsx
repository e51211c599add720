"use client";

import { FormField } from "@/app/_components/form-field";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { changePasswordAction } from "./security-actions";
import styles from "./password-section.module.css";

/** Change password: the current one, then the new one (sign-up's rules). Other browsers are signed out. */
export function PasswordSection() {
  const form = useFormAction(changePasswordAction);
  return (
    <section className={`card ${styles.passwordSection}`} aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form {...form.props} className="form" noValidate>
        <FormMessages state={form.messages} />
        <FormField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={form.error("currentPassword")}
        />
        <FormField
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters. Every other browser signed in to your account is signed out; this one stays."
          error={form.error("newPassword")}
        />
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Changing…" : "Change password"}
        </button>
      </form>
    </section>
  );
}

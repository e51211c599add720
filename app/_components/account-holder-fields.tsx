import type { FormState } from "@/app/(auth)/actions";
import { FormField } from "./form-field";

/** Name, work e-mail and a new password: the person who opens a buyer or supplier account. */
export function AccountHolderFields({ state }: { state: FormState }) {
  const value = (name: string) => String(state.values?.[name] ?? "");
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <>
      <FormField
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={value("name")}
        error={error("name")}
      />
      <FormField
        name="email"
        label="Work e-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={value("email")}
        error={error("email")}
      />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={error("password")}
      />
    </>
  );
}

import { FormField } from "./form-field";

/** Name, work e-mail and a new password: the person who opens a buyer or supplier account. */
export function AccountHolderFields({
  form,
}: {
  form: { value: (name: string) => string | undefined; error: (name: string) => string | undefined };
}) {
  return (
    <>
      <FormField
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={form.value("name")}
        error={form.error("name")}
      />
      <FormField
        name="email"
        label="Work e-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={form.value("email")}
        error={form.error("email")}
      />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        error={form.error("password")}
      />
    </>
  );
}

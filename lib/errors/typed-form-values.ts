import { isUnsafeObjectKey } from "../input/is-unsafe-object-key";

/**
 * What a user typed into a form, by field name, for a refused server action to hand back (React resets a
 * form after its action): Next's own `$ACTION…` fields, files and passwords (never sent back into a
 * page) left out, a name sent several times (ticked boxes) joined with commas. The names come from the
 * browser: `__proto__`, `constructor` and `prototype` are left out, and only own keys count, so a field
 * called "constructor" cannot read Object's own function into the answer.
 */
export function typedFormValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$") || /password/i.test(key) || typeof value !== "string" || isUnsafeObjectKey(key))
      continue;
    values[key] = Object.hasOwn(values, key) ? `${values[key]},${value}` : value;
  }
  return values;
}

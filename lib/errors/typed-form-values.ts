/**
 * What a user typed into a form, by field name, for a refused server action to hand back (React resets a
 * form after its action): Next's own `$ACTION…` fields, files and passwords (never sent back into a
 * page) left out, a name sent several times (ticked boxes) joined with commas.
 */
export function typedFormValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$") || /password/i.test(key) || typeof value !== "string") continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

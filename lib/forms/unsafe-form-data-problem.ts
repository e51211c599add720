/** Object keys that reach Object.prototype when a field name becomes a path into an object. */
const forbiddenKeySegments = new Set(["__proto__", "constructor", "prototype"]);

/**
 * What is wrong with a form before any action reads it, or null: a field name with `__proto__`,
 * `constructor` or `prototype` as a segment (dots or brackets) could pollute every object of the server
 * where a name becomes a path, and NUL (U+0000) in text or a file name is refused by PostgreSQL after
 * the action has done half its work. Refused up front, the action never runs.
 */
export function unsafeFormDataProblem(formData: FormData): string | null {
  for (const [name, value] of formData.entries()) {
    const segment = name.split(/[.[\]]/).find((part) => forbiddenKeySegments.has(part));
    if (segment)
      return `The form field name “${name.slice(0, 60)}” contains a part that is not allowed (“${segment}”). Reload the page and send the form again.`;
    if (name.includes("\u0000"))
      return "A form field name contains a character that is not allowed (NUL). Reload the page and send the form again.";
    const text = typeof value === "string" ? value : value.name;
    if (text.includes("\u0000"))
      return `The field “${name.slice(0, 60)}” contains a character that is not allowed (NUL, U+0000). Remove it and send the form again.`;
  }
  return null;
}

/**
 * A form field's id: its name, or `prefix-name` where a page holds several forms with fields of the same
 * name (ids are unique on a page, and a label's `for` must name a field of its own form).
 */
export function fieldIdOf(name: string, idPrefix?: string): string {
  return idPrefix ? `${idPrefix}-${name}` : name;
}

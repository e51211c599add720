/** A form value as Stripe's servers see it: a string, or a bracketed group of further values. */
export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

// Names that would reach Object.prototype through a plain object.
const forbiddenKeys = new Set(["__proto__", "prototype", "constructor"]);

/**
 * Parses `application/x-www-form-urlencoded` text with bracket notation (`a[b][0][c]=1`) into nested
 * objects. Array indexes stay object keys ("0", "1", …): only the endpoint knows whether `metadata[0]`
 * is an array element or a metadata key, so readers turn index-keyed objects into arrays.
 */
export function parseFormBody(text: string): FormObject {
  const root: FormObject = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
    const segments = match
      ? [match[1] ?? name, ...[...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1] ?? "")]
      : [name];
    if (segments.some((segment) => forbiddenKeys.has(segment))) continue;
    assign(root, segments, value);
  }
  return root;
}

function assign(container: FormObject, segments: string[], value: string) {
  let current = container;
  for (const [index, rawSegment] of segments.entries()) {
    // `a[]=x` appends, the way qs-style encoders write arrays without indexes.
    const segment = rawSegment === "" ? String(Object.keys(current).length) : rawSegment;
    if (index === segments.length - 1) {
      current[segment] = value;
      return;
    }
    const next = current[segment];
    if (typeof next === "object") {
      current = next;
    } else {
      const created: FormObject = {};
      current[segment] = created;
      current = created;
    }
  }
}

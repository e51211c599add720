import type { FormObject, FormValue } from "./parse-form-body";
import { StripeApiError } from "./stripe-api-error";

/** Typed access to form parameters, failing with Stripe's messages and the bracketed param path. */
export class ParamReader {
  private readonly params: FormObject;
  private readonly prefix: string;

  constructor(params: FormObject, prefix = "") {
    this.params = params;
    this.prefix = prefix;
  }

  path(name: string): string {
    return this.prefix ? `${this.prefix}[${name}]` : name;
  }

  /** The names given in this group. */
  keys(): string[] {
    return Object.keys(this.params);
  }

  has(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  /** Stripe reads an empty value as "not given". */
  string(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== "string")
      throw StripeApiError.invalidParam(this.path(name), `Invalid string: ${JSON.stringify(value)}`);
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw StripeApiError.missingParam(this.path(name));
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value))
      throw StripeApiError.invalidParam(
        this.path(name),
        `Invalid ${name}: must be one of ${listAlternatives(allowed)}`,
      );
    return value as T;
  }

  integer(name: string, { min }: { min?: 0 | 1 } = {}): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const path = this.path(name);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
      throw StripeApiError.invalidParam(path, `Invalid integer: ${value}`, "parameter_invalid_integer");
    const number = Number(value);
    if (min === 1 && number < 1)
      throw StripeApiError.invalidParam(path, "Invalid positive integer", "parameter_invalid_integer");
    if (min === 0 && number < 0)
      throw StripeApiError.invalidParam(path, "Invalid non-negative integer", "parameter_invalid_integer");
    return number;
  }

  requiredInteger(name: string, options: { min?: 0 | 1 } = {}): number {
    const value = this.integer(name, options);
    if (value === undefined) throw StripeApiError.missingParam(this.path(name));
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (value !== "true" && value !== "false")
      throw StripeApiError.invalidParam(this.path(name), `Invalid boolean: ${value}`);
    return value === "true";
  }

  currency(name: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^[a-z]{3}$/i.test(value))
      throw StripeApiError.invalidParam(this.path(name), `Invalid currency: ${value.toLowerCase()}`);
    return value.toLowerCase();
  }

  requiredCurrency(name: string): string {
    const value = this.currency(name);
    if (value === undefined) throw StripeApiError.missingParam(this.path(name));
    return value;
  }

  url(name: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    // Checkout's placeholder is not valid in a URL's host, but is allowed anywhere Stripe substitutes it.
    if (!URL.canParse(value.replaceAll("{CHECKOUT_SESSION_ID}", "x")) || !/^https?:\/\//i.test(value))
      throw StripeApiError.invalidParam(this.path(name), "Not a valid URL", "url_invalid");
    return value;
  }

  object(name: string): ParamReader | undefined {
    const value = this.raw(name);
    if (value === undefined || value === "") return undefined;
    if (typeof value === "string") throw StripeApiError.invalidParam(this.path(name), "Invalid hash");
    return new ParamReader(value, this.path(name));
  }

  /** Elements of an array given as `name[0][…]`, `name[1][…]`, in index order. */
  objects(name: string): ParamReader[] | undefined {
    return this.arrayEntries(name)?.map(([index, value]) => {
      const path = `${this.path(name)}[${index}]`;
      if (typeof value === "string") throw StripeApiError.invalidParam(path, "Invalid hash");
      return new ParamReader(value, path);
    });
  }

  strings(name: string): string[] {
    return (this.arrayEntries(name) ?? []).map(([index, value]) => {
      if (typeof value !== "string")
        throw StripeApiError.invalidParam(`${this.path(name)}[${index}]`, "Invalid string");
      return value;
    });
  }

  /** Stripe's limits: 50 keys, keys up to 40 characters, values up to 500; an empty value unsets. */
  metadata(name = "metadata"): Record<string, string> {
    const group = this.raw(name);
    if (group === undefined || group === "") return {};
    const path = this.path(name);
    if (typeof group === "string") throw StripeApiError.invalidParam(path, "Invalid hash");
    const metadata: Record<string, string> = {};
    for (const [key, value] of Object.entries(group)) {
      if (typeof value !== "string")
        throw StripeApiError.invalidParam(`${path}[${key}]`, `Invalid string: ${JSON.stringify(value)}`);
      if (key.length > 40)
        throw StripeApiError.invalidParam(
          `${path}[${key}]`,
          `Metadata keys can have up to 40 characters, but you passed in a key that is ${key.length} characters long.`,
        );
      if (value.length > 500)
        throw StripeApiError.invalidParam(
          `${path}[${key}]`,
          `Metadata values can have up to 500 characters, but you passed in a value that is ${value.length} characters long.`,
        );
      if (value !== "") metadata[key] = value;
    }
    if (Object.keys(metadata).length > 50)
      throw StripeApiError.invalidParam(
        path,
        "You can have up to 50 metadata keys, but you passed in more than 50.",
      );
    return metadata;
  }

  private raw(name: string): FormValue | undefined {
    const value = Object.hasOwn(this.params, name) ? this.params[name] : undefined;
    return value === "" ? undefined : value;
  }

  private arrayEntries(name: string): [string, FormValue][] | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value === "string" || Object.keys(value).some((key) => !/^\d+$/.test(key)))
      throw StripeApiError.invalidParam(this.path(name), "Invalid array");
    return Object.entries(value).sort(([a], [b]) => Number(a) - Number(b));
  }
}

function listAlternatives(values: readonly string[]): string {
  if (values.length <= 2) return values.join(" or ");
  return `${values.slice(0, -1).join(", ")}, or ${values.at(-1)}`;
}

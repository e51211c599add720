import type { FormObject } from "./parse-form-body";
import { StripeApiError } from "./stripe-api-error";

/**
 * What the fake does with a parameter: "use" it (anything below it is accepted), "ignore" it (Stripe
 * knows it and it does not change what the fake models), refuse it as "unsupported" (Stripe knows it
 * but it would change amounts or flow, so silently ignoring it would hide a difference from
 * production), check a nested group against a schema, or check each element of an array (`[schema]`).
 */
export type ParamRule = "use" | "ignore" | "unsupported" | ParamSchema | readonly [ParamSchema];
export interface ParamSchema {
  readonly [name: string]: ParamRule;
}

/** Refuses parameters Stripe does not know, with Stripe's message, and those the fake does not model. */
export function checkParams(params: FormObject, schema: ParamSchema, endpoint: string, prefix = ""): void {
  for (const [name, value] of Object.entries(params)) {
    const path = prefix ? `${prefix}[${name}]` : name;
    const rule = Object.hasOwn(schema, name) ? schema[name] : undefined;
    if (rule === undefined)
      throw StripeApiError.invalidParam(path, `Received unknown parameter: ${path}`, "parameter_unknown");
    if (rule === "use" || rule === "ignore") continue;
    if (rule === "unsupported")
      throw StripeApiError.invalidParam(
        path,
        `The fake Stripe does not implement \`${path}\` on ${endpoint}; extend tests/fakes/stripe before relying on it.`,
      );
    if (typeof value === "string") {
      if (value === "") continue;
      throw StripeApiError.invalidParam(path, isArrayRule(rule) ? "Invalid array" : "Invalid hash");
    }
    if (isArrayRule(rule)) {
      for (const [index, element] of Object.entries(value)) {
        const elementPath = `${path}[${index}]`;
        if (!/^\d+$/.test(index)) throw StripeApiError.invalidParam(path, "Invalid array");
        if (typeof element === "string") throw StripeApiError.invalidParam(elementPath, "Invalid hash");
        checkParams(element, rule[0], endpoint, elementPath);
      }
    } else {
      checkParams(value, rule, endpoint, path);
    }
  }
}

function isArrayRule(rule: ParamSchema | readonly [ParamSchema]): rule is readonly [ParamSchema] {
  return Array.isArray(rule);
}

import { z } from "zod";
import { formatDay } from "../dates/format-day";

/** One refused field: its path as sent (`quantity`, `parts[0].id`, "" for the whole body) and why. */
export interface FieldRefusal {
  path: string;
  message: string;
}

/** What zod itself writes ("Too small: expected number to be >=1"): replaced; a schema's own words are kept. */
const zodDefaultMessage = /^(Invalid|Too (small|big)|Unrecognized key|Expected)\b/;

const count = new Intl.NumberFormat("en-GB");

/**
 * Zod's issues as sentences an integrator or a buyer understands, each naming the field as it is sent and
 * what it takes ("quantity must be a whole number from 1 to 10,000"). With the schema that refused the
 * value, a bound is given with its other end (zod's issue names only the one crossed). A message a schema
 * wrote itself ("Enter the city.") is kept as written (its path names the field; the sentence adds the
 * name). The one formatter of zod refusals for the API (error-response.ts, the public API's routes, the
 * live price).
 */
export function describeZodIssues(error: z.ZodError, schema?: z.ZodType): FieldRefusal[] {
  return error.issues.map((issue) => {
    const path = pathOf(issue.path);
    const field = path || "the body";
    if (!zodDefaultMessage.test(issue.message))
      return { path, message: /^[a-z]/.test(issue.message) ? `${field} ${issue.message}` : issue.message };
    return { path, message: `${field} ${requirementOf(issue, schema && fieldSchemaAt(schema, issue.path))}` };
  });
}

/** The refusals as one sentence after `intro` ("The quote options are not valid:"). */
export function zodIssuesSentence(intro: string, refusals: FieldRefusal[]): string {
  const named = refusals.map(({ path, message }) => {
    const field = path || "the body";
    const sentence = message.replace(/\.$/, "");
    return sentence.startsWith(field) ? sentence : `${field}: ${sentence}`;
  });
  return `${intro} ${named.join("; ")}.`;
}

function pathOf(path: PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

/** What the field takes, in words, from the issue and (when known) the field's schema. */
function requirementOf(issue: z.core.$ZodIssue, fieldSchema: z.ZodType | undefined): string {
  const bounds = fieldSchema ? boundsOf(fieldSchema) : {};
  switch (issue.code) {
    case "invalid_type": {
      const kind = bounds.whole || issue.expected === "int" ? "whole number" : kindNames[issue.expected];
      const needed = `must be ${kind ? article(kind) : `of type ${issue.expected}`}${rangeWords(bounds, issue)}`;
      return /received undefined$/.test(issue.message) ? `is missing: it ${needed}` : needed;
    }
    case "too_small":
    case "too_big":
      return sizeWords(issue, bounds);
    case "invalid_value":
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "invalid_format":
      return issue.format === "regex"
        ? "is not in the format this field takes"
        : `must be ${article(formatNames[issue.format] ?? `${issue.format} value`)}`;
    case "unrecognized_keys":
      return `has ${issue.keys.length === 1 ? "a field" : "fields"} this request does not take: ${issue.keys.join(", ")}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "invalid_union":
      return "is not one of the forms this field takes";
    default:
      return "is not valid";
  }
}

const kindNames: Record<string, string> = {
  number: "number",
  string: "text",
  boolean: "true or false",
  object: "object",
  array: "list",
  date: "date",
  bigint: "whole number",
};

const formatNames: Record<string, string> = {
  email: "e-mail address",
  url: "URL",
  uuid: "UUID",
  cuid: "id",
  date: "date (YYYY-MM-DD)",
  datetime: "date and time (ISO 8601)",
  starts_with: "value with the required start",
  ends_with: "value with the required end",
};

function article(noun: string): string {
  return noun === "true or false" ? noun : `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

interface Bounds {
  whole?: boolean;
  min?: { value: number; inclusive: boolean };
  max?: { value: number; inclusive: boolean };
}

function sizeWords(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, bounds: Bounds): string {
  if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") {
    const kind = bounds.whole || issue.origin !== "number" ? "a whole number" : "a number";
    const range = rangeWords(bounds, issue);
    if (range) return `must be ${kind}${range}`;
  }
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  const unit = unitNames[issue.origin];
  if (unit) {
    const other = small ? bounds.max : bounds.min;
    if (small && limit === 1 && !other) return "must not be empty";
    if (other)
      return `must have from ${count.format(small ? limit : other.value)} to ${count.format(small ? other.value : limit)} ${unit}`;
    return `must have ${small ? "at least" : "at most"} ${count.format(limit)} ${unit}`;
  }
  if (issue.origin === "date")
    return `must be ${small ? "on or after" : "on or before"} ${formatDay(new Date(limit))}`;
  const words = small
    ? issue.inclusive
      ? "at least"
      : "more than"
    : issue.inclusive
      ? "at most"
      : "less than";
  return `must be ${words} ${count.format(limit)}`;
}

const unitNames: Record<string, string> = {
  string: "characters",
  array: "entries",
  set: "entries",
  file: "bytes",
};

/** " from 1 to 10,000" (or " of at least 1") when the schema bounds the number; "" otherwise. */
function rangeWords(bounds: Bounds, issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.expected !== "number" && issue.expected !== "int") return "";
  const { min, max } = bounds;
  if (min?.inclusive && max?.inclusive)
    return ` from ${count.format(min.value)} to ${count.format(max.value)}`;
  const parts = [
    min && `${min.inclusive ? "at least" : "more than"} ${count.format(min.value)}`,
    max && `${max.inclusive ? "at most" : "less than"} ${count.format(max.value)}`,
  ].filter(Boolean);
  return parts.length > 0 ? `, ${parts.join(" and ")}` : "";
}

/** The bounds a number, text or list schema checks (zod's checks on its definition). */
function boundsOf(schema: z.ZodType): Bounds {
  const bounds: Bounds = {};
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def as {
      check: string;
      format?: string;
      value?: unknown;
      inclusive?: boolean;
      minimum?: unknown;
      maximum?: unknown;
    };
    if (def.check === "number_format" && /int/.test(def.format ?? "")) bounds.whole = true;
    if (def.check === "greater_than")
      bounds.min = { value: Number(def.value), inclusive: def.inclusive ?? true };
    if (def.check === "less_than")
      bounds.max = { value: Number(def.value), inclusive: def.inclusive ?? true };
    if (def.check === "min_length" || def.check === "min_size")
      bounds.min = { value: Number(def.minimum), inclusive: true };
    if (def.check === "max_length" || def.check === "max_size")
      bounds.max = { value: Number(def.maximum), inclusive: true };
  }
  return bounds;
}

/** The schema of the field at `path` inside an object schema (through optional, default, pipe, list). */
function fieldSchemaAt(schema: z.ZodType, path: PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!current) return undefined;
    const def = current._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
    if (def.type === "object" && typeof segment === "string") current = def.shape?.[segment];
    else if (def.type === "array" && typeof segment === "number") current = def.element;
    else return undefined;
    current = current && unwrap(current);
  }
  return current;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    const inner = def.type === "pipe" ? def.in : def.innerType;
    if (!inner) return current;
    current = inner;
  }
}

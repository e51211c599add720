/** A JSON schema of the OpenAPI document, as the reference page shows it: fields, types, descriptions. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
};

/** The schema's name when it is a reference to a component. */
export const refName = (schema: JsonSchema | undefined) => schema?.$ref?.split("/").at(-1);

/** "string (date-time)", "integer", "one of A, B", "Order", "array of OrderLine". */
export function typeWords(schema: JsonSchema): string {
  const name = refName(schema);
  if (name) return name;
  if (schema.enum) return `one of ${schema.enum.map(String).join(", ")}`;
  if (schema.const !== undefined) return `always ${String(schema.const)}`;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeWords).join(" or ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  if (type === "array" && schema.items) return `array of ${typeWords(schema.items)}`;
  const range =
    schema.minimum !== undefined || schema.maximum !== undefined
      ? ` ${schema.minimum ?? "…"}–${schema.maximum ?? "…"}`
      : "";
  return `${type}${schema.format ? ` (${schema.format})` : ""}${range}`;
}

/** An object's fields as a list; nested objects (not references) as nested lists. */
export function SchemaFields({ schema }: { schema: JsonSchema }) {
  const object = schema.type === "array" && schema.items ? schema.items : schema;
  if (!object.properties) return <span>{typeWords(schema)}</span>;
  return (
    <ul>
      {Object.entries(object.properties).map(([name, field]) => (
        <li key={name}>
          <code>{name}</code>
          {object.required?.includes(name) ? "" : " (optional)"}: {typeWords(field)}
          {field.description ? <span className="muted"> · {field.description}</span> : null}
          {!refName(field) && (field.properties || field.items?.properties) ? (
            <SchemaFields schema={field} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

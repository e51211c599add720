import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { ApiOperation } from "./api-operation";
import { apiScopes } from "./api-scopes";
import { apiOperations } from "./operation-list";
import { problemSchema } from "./problem-response";
import { registerWebhooks } from "./webhook-list";

/** Statuses the framework itself may answer for any operation, besides the operation's own. */
const frameworkProblemStatuses = {
  400: "The request is malformed (e.g. no Idempotency-Key on a POST, a bad cursor).",
  401: "No valid API key: none, unknown, revoked or expired (past the last day chosen when it was made).",
  403: "The key lacks the operation's scope, or the company may not do this.",
  404: "Not found, or not the company's.",
  409: "The Idempotency-Key was used for another request, or the state does not allow this.",
  422: "The input failed validation.",
  429: "The key's requests per minute are used up, or, without a valid key, the client address's: wait Retry-After seconds.",
} as const;

/** And for file uploads. */
const uploadProblemStatuses = {
  413: "The file is larger than the upload limit.",
  415: "Not a CAD file we read.",
} as const;

function routeConfigOf(operation: ApiOperation): RouteConfig {
  const responses: RouteConfig["responses"] = {};
  for (const [status, response] of Object.entries(operation.responses))
    responses[status] =
      "schema" in response
        ? { description: response.description, content: { "application/json": { schema: response.schema } } }
        : {
            description: response.description,
            content: { [response.contentType]: { schema: z.string().meta({ format: "binary" }) } },
          };
  const problemStatuses = {
    ...frameworkProblemStatuses,
    ...(operation.bodyKind === "binary" ? uploadProblemStatuses : {}),
  };
  for (const [status, description] of Object.entries(problemStatuses))
    if (!(status in responses) && (status !== "400" || operation.method === "post" || operation.query))
      responses[status] = { description, content: { "application/problem+json": { schema: problemSchema } } };
  const idempotencyHeader = z.object({
    "idempotency-key": z
      .string()
      .min(1)
      .max(255)
      .describe("Required on every POST: the same key and body replay the first answer."),
  });
  const request: RouteConfig["request"] = {};
  if (operation.params) request.params = operation.params;
  if (operation.query) request.query = operation.query;
  const headers = [operation.headers, operation.method === "post" ? idempotencyHeader : undefined].filter(
    (schema): schema is z.ZodObject => schema !== undefined,
  );
  if (headers.length > 0)
    request.headers = headers.reduce((all, schema) => all.extend(schema.shape), z.object({}));
  if (operation.bodyKind === "binary")
    request.body = {
      required: true,
      content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
    };
  else if (operation.body)
    request.body = { required: true, content: { "application/json": { schema: operation.body } } };
  return {
    method: operation.method,
    path: operation.path,
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, `Scope: \`${operation.scope}\`.`].filter(Boolean).join("\n\n"),
    tags: [operation.tag],
    security: [{ apiKey: [operation.scope] }],
    request,
    responses,
  };
}

/** Hooks for sibling lists (e.g. webhooks) to add to the registry before the document is generated. */
export type RegistryExtension = (registry: OpenAPIRegistry) => void;

/**
 * The OpenAPI 3.1 document of the public API, generated from the operations' zod schemas
 * (@asteasolutions/zod-to-openapi), served at /api/v1/openapi.json and rendered at /api/v1/reference.
 */
export function buildOpenApiDocument(
  options: { serverUrl?: string; operations?: ApiOperation[]; extensions?: RegistryExtension[] } = {},
) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description:
      "An API key from the team page, as `Authorization: Bearer iqk_…`; it works through the last day " +
      "chosen when it was made (a year by default). Scopes: " +
      Object.entries(apiScopes)
        .map(([scope, { label }]) => `\`${scope}\` (${label})`)
        .join(", ") +
      ".",
  });
  for (const operation of options.operations ?? apiOperations)
    registry.registerPath(routeConfigOf(operation));
  // The webhooks (i24-hooks, decision 0061) are in the document unless a caller passes its own extensions.
  for (const extend of options.extensions ?? [registerWebhooks]) extend(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Instant quote marketplace API",
      version: "1.0.0",
      description:
        "Parts, quotes and orders for buyers; offers, jobs and payouts for partners. Every POST needs an " +
        "Idempotency-Key; errors are application/problem+json (RFC 9457) with a `code`; lists are paged " +
        "with `?cursor=…&limit=…` and answer `next_cursor`.",
    },
    servers: [{ url: options.serverUrl ?? "/" }],
  });
}

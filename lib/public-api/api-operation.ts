import type { z } from "zod";
import type { ApiScope } from "./api-scopes";

/** A file answer (a PDF, a drawing): documented with its content type, sent as a Response by the handler. */
export interface ApiFileResponse {
  contentType: string;
  description: string;
}

/** A JSON answer: its zod schema (documented in the OpenAPI document) and a description. */
export interface ApiJsonResponse {
  schema: z.ZodType;
  description: string;
}

/**
 * One operation of the public API (issue 24, docs/decisions/0059): everything the wrapper
 * (public-api-route.ts) needs to check a request and the OpenAPI document (openapi-document.ts) needs to
 * describe it. `path` is OpenAPI style, e.g. "/api/v1/orders/{orderId}".
 */
export interface ApiOperation {
  operationId: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  description?: string;
  tag: string;
  scope: ApiScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * "binary": the body is a file's bytes (documented as application/octet-stream), streamed into file
   * storage before the handler runs (decision 0069); default "json".
   */
  bodyKind?: "json" | "binary";
  /** For "binary": the most bytes the file may have (default: UPLOAD_MAX_BYTES), enforced while streaming. */
  maxUploadBytes?: () => number;
  /**
   * For "binary": checks the parsed headers (e.g. the file name) before a byte is stored, so a file that
   * would be refused anyway is not received first.
   */
  checkUploadHeaders?: (headers: Record<string, unknown>) => void;
  /** Headers the operation reads besides the framework's (Authorization, Idempotency-Key). */
  headers?: z.ZodObject;
  responses: Record<number, ApiJsonResponse | ApiFileResponse>;
}

/** Checks an operation's shape at compile time while keeping its literal types for the handler's context. */
export function defineApiOperation<const Operation extends ApiOperation>(operation: Operation): Operation {
  return operation;
}

/** An operation's route as one string: its method, a space, its OpenAPI-style path. */
type ApiRoute = `${ApiOperation["method"]} /${string}`;
type MethodOf<Route> = Route extends `${infer Method extends ApiOperation["method"]} ${string}`
  ? Method
  : never;
type PathOf<Route> = Route extends `${string} ${infer Path}` ? Path : never;

/** What an operation says besides its id, route and tag: scope, summary, schemas, answers. */
type ApiOperationDetails = Omit<ApiOperation, "operationId" | "method" | "path" | "tag">;

/**
 * The declarer of one tag's operations, each by its id, its route ("post /api/v1/orders") and the rest:
 * `const supplierApi = apiOperationsTagged("Partners")`, then
 * `supplierApi("getJob", "get /api/v1/jobs/{jobId}", { scope, summary, params, responses })`.
 * Like defineApiOperation, it keeps the literal types (params, body, bodyKind…) for the handler's context.
 */
export function apiOperationsTagged(tag: string) {
  return function declareApiOperation<
    const OperationId extends string,
    const Route extends ApiRoute,
    const Details extends ApiOperationDetails,
  >(operationId: OperationId, route: Route, details: Details) {
    const [method, path] = route.split(" ") as [MethodOf<Route>, PathOf<Route>];
    return defineApiOperation({ operationId, method, path, tag, ...details });
  };
}

import { buildOpenApiDocument } from "@/lib/public-api/openapi-document";

/** The public API's OpenAPI 3.1 document, generated from the operations' zod schemas (decision 0059). */
export const GET = async (): Promise<Response> =>
  Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });

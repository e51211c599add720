import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../../lib/public-api/openapi-document";
import { generatePublicApiTypes, publicApiTypesPath } from "./generate-public-api-types";

// The committed client types are the document's (docs/decisions/0060): a changed operation or schema
// without `npm run api:client` fails here, so the journeys and integrators never use stale types.
describe("the generated public API client", () => {
  it("is what openapi-typescript makes of today's OpenAPI document", async () => {
    const fresh = await generatePublicApiTypes(buildOpenApiDocument());
    const committed = await readFile(publicApiTypesPath, "utf8");
    expect(committed, "run `npm run api:client` and commit tests/api-client/public-api-types.ts").toBe(fresh);
  });

  it("types every documented operation's path", async () => {
    const committed = await readFile(publicApiTypesPath, "utf8");
    const document = buildOpenApiDocument() as { paths?: Record<string, unknown> };
    const paths = Object.keys(document.paths ?? {});
    expect(paths).toContain("/api/v1/offers/{offerId}/accept");
    for (const path of paths) expect(committed).toContain(`"${path}": {`);
  });
});

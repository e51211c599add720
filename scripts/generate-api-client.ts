import { writeFile } from "node:fs/promises";
import { buildOpenApiDocument } from "../lib/public-api/openapi-document";
import { generatePublicApiTypes, publicApiTypesPath } from "../tests/api-client/generate-public-api-types";

// `npm run api:client`: writes the public API's TypeScript types from the OpenAPI document the app serves
// (docs/decisions/0060). tests/api-client/public-api-types.test.ts fails until it is run after a change.
const source = await generatePublicApiTypes(buildOpenApiDocument());
await writeFile(publicApiTypesPath, source);
console.log(`Wrote ${publicApiTypesPath}`);

import type { ApiOperation } from "./api-operation";

/**
 * Every operation of the public API, one import and one line each (keep it so: branches add lines side by
 * side). The OpenAPI document (openapi-document.ts) and the contract test are built from this list; each
 * operation's route file under app/api/v1 exports publicApiRoute(operation, handler).
 */
export const apiOperations: ApiOperation[] = [];

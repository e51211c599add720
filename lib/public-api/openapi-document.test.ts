import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineApiOperation } from "./api-operation";
import { buildOpenApiDocument } from "./openapi-document";
import { apiOperations } from "./operation-list";

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator, the specification's JSON schema)", async () => {
    const validator = new Validator();
    const result = await validator.validate(buildOpenApiDocument() as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every operation of the list once, with its scope, problems and the Idempotency-Key on POSTs", () => {
    const document = buildOpenApiDocument();
    const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      (["get", "post", "put", "patch", "delete"] as const).flatMap((method) => {
        const operation = item[method];
        return operation ? [{ path, method, operation }] : [];
      }),
    );
    expect(operations.map((entry) => entry.operation.operationId).sort()).toEqual(
      apiOperations.map((operation) => operation.operationId).sort(),
    );
    for (const { method, operation } of operations) {
      expect(operation.security, operation.operationId).toHaveLength(1);
      expect(Object.keys(operation.responses ?? {}), operation.operationId).toEqual(
        expect.arrayContaining(["401", "403", "429"]),
      );
      const headers = (operation.parameters ?? []).map((parameter) =>
        "name" in parameter ? parameter.name : "",
      );
      expect(headers.includes("idempotency-key"), operation.operationId).toBe(method === "post");
    }
  });

  it("fails validation when an operation is broken (the validator can fail)", async () => {
    const broken = defineApiOperation({
      operationId: "broken",
      method: "get",
      path: "/api/v1/broken/{id}",
      summary: "Broken: a path parameter the operation does not declare",
      tag: "Test",
      scope: "orders:read",
      responses: { 200: { description: "ok", schema: z.object({}) } },
    });
    const document = buildOpenApiDocument({ operations: [broken] }) as { paths: Record<string, unknown> };
    // An OpenAPI path item's responses need a description: remove it to break the document.
    const item = document.paths["/api/v1/broken/{id}"] as {
      get: { responses: Record<string, { description?: string }> };
    };
    delete item.get.responses["200"]!.description;
    const result = await new Validator().validate(document as never);
    expect(result.valid).toBe(false);
  });
});

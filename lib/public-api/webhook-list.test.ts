import { describe, expect, it } from "vitest";
import { z } from "zod";
import { webhookEventTypeNames } from "../webhooks/webhook-event-types";
import { registerWebhooks, webhookOperations } from "./webhook-list";

describe("the webhooks of the OpenAPI document", () => {
  it("has one webhook per event type, each body a JSON schema with the type's data", () => {
    expect(webhookOperations.map((operation) => operation.path)).toEqual(webhookEventTypeNames);
    for (const operation of webhookOperations) {
      const schema = z.toJSONSchema(operation.request.body.content["application/json"].schema) as {
        properties: Record<string, { const?: string; properties?: Record<string, unknown> }>;
      };
      expect(schema.properties.type!.const).toBe(operation.path);
      expect(Object.keys(schema.properties.data!.properties ?? {}).length).toBeGreaterThan(2);
    }
  });

  it("registers them all with a registry", () => {
    const registered: string[] = [];
    registerWebhooks({ registerWebhook: (webhook) => registered.push(webhook.path) });
    expect(registered).toEqual(webhookEventTypeNames);
  });
});

// Walk 9 (attacker): an admin creates an API key (and sees its secret) and a webhook endpoint (to an
// address of their choice), then is removed from the team or demoted. The key kept reading the company's
// orders, parts and invoices, and the endpoint kept receiving the company's events, for someone no longer
// on the team (decisions 0069 and 0080 kept reads). Removal, and losing the admin role, now revoke the keys
// and endpoints the member made, in the same transaction; other admins' keys and endpoints keep working.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import type { Database } from "../../lib/db/prisma";
import { authenticateApiKey } from "../../lib/public-api/authenticate-api-key";
import { changeTeamMemberRole } from "../../lib/team/change-team-member-role";
import { removeTeamMember } from "../../lib/team/remove-team-member";
import { createWebhookEndpoint } from "../../lib/webhooks/create-webhook-endpoint";
import { seedDatabase } from "../../prisma/seed";
import { acme } from "../fixtures/acme-orders";
import { createTestPrisma } from "../integration/setup/test-prisma";

vi.mock("server-only", () => ({}));

const anna = { userId: "seed_user_anna", companyId: acme, role: "BUYER_ADMIN" as const };

describe("API keys and webhook endpoints of an admin who leaves the admin role", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  /** A new admin of Acme with an orders:read key and an endpoint for order events. */
  async function adminWithKeyAndEndpoint(email: string) {
    const user = await db.user.create({
      data: { companyId: acme, email, name: "Leaving Admin", passwordHash: "x", role: "BUYER_ADMIN" },
    });
    const key = await createApiKey(db, {
      companyId: acme,
      userId: user.id,
      name: "Home server",
      scopes: ["orders:read"],
    });
    const endpoint = await createWebhookEndpoint(
      db,
      { userId: user.id, companyId: acme, companyKind: "BUYER" },
      { url: `http://127.0.0.1:9/${email}`, events: ["order.placed"] },
      { allowPrivateAddresses: true },
    );
    return { user, key, endpointId: endpoint.endpointId };
  }

  const readOrders = (secret: string) =>
    authenticateApiKey(
      db,
      new Request("http://app.test/api/v1/orders", { headers: { authorization: `Bearer ${secret}` } }),
      "orders:read",
    );

  it("a removed admin's key no longer reads and their endpoint no longer receives", async () => {
    const { user, key, endpointId } = await adminWithKeyAndEndpoint("removed-admin@acme.example");
    await expect(readOrders(key.secret)).resolves.toMatchObject({ companyId: acme });
    await removeTeamMember(db, anna, { userId: user.id });
    await expect(readOrders(key.secret)).rejects.toMatchObject({ code: "unauthenticated" });
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(endpoint.revokedAt).not.toBeNull();
    const log = await db.auditLogEntry.findFirstOrThrow({
      where: { action: "team.removed", entityId: user.id },
    });
    expect(log.data).toMatchObject({ apiKeysRevoked: 1, webhookEndpointsRevoked: 1 });
  });

  it("a demoted admin's key no longer reads and their endpoint no longer receives", async () => {
    const { user, key, endpointId } = await adminWithKeyAndEndpoint("demoted-admin@acme.example");
    await changeTeamMemberRole(db, anna, { userId: user.id, role: "BUYER_ENGINEER" });
    await expect(readOrders(key.secret)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(
      (await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).revokedAt,
    ).not.toBeNull();
    expect((await db.apiKey.findFirstOrThrow({ where: { createdByUserId: user.id } })).revokedByUserId).toBe(
      anna.userId,
    );
  });

  it("the keys and endpoints of an admin who stays keep working when another member is removed", async () => {
    const { key, endpointId } = await adminWithKeyAndEndpoint("staying-admin@acme.example");
    await removeTeamMember(db, anna, { userId: "seed_user_ben" });
    await expect(readOrders(key.secret)).resolves.toMatchObject({ companyId: acme });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).revokedAt).toBeNull();
  });
});

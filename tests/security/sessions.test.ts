import { beforeAll, describe, expect, it } from "vitest";
import { suspendSupplier } from "../../lib/workflows/suspend-supplier";
import { loadSessionUser } from "../../lib/auth/load-session-user";
import { revokeSession, revokeUserSessions } from "../../lib/auth/revoke-sessions";
import { startUserSession } from "../../lib/auth/start-user-session";
import type { Database } from "../../lib/db/prisma";
import { createTestPrisma } from "../integration/setup/test-prisma";

describe("sessions end (issue 16, item 4)", () => {
  let db: Database;
  const ids = { buyer: "", supplierAdmin: "", supplierCompany: "", ops: "", rejected: "" };

  beforeAll(async () => {
    db = await createTestPrisma();
    const buyer = await db.company.create({ data: { kind: "BUYER", name: "Buyer GmbH", countryCode: "DE" } });
    const supplier = await db.company.create({
      data: { kind: "SUPPLIER", status: "ACTIVE", name: "Partner CNC", countryCode: "DE" },
    });
    const rejected = await db.company.create({
      data: { kind: "SUPPLIER", status: "REJECTED", name: "Rejected CNC", countryCode: "DE" },
    });
    const platform = await db.company.create({
      data: { kind: "PLATFORM", name: "Platform", countryCode: "DE" },
    });
    const user = (companyId: string, email: string, role: "BUYER_ADMIN" | "SUPPLIER_ADMIN" | "OPERATIONS") =>
      db.user.create({ data: { companyId, email, name: email, role, passwordHash: "x" } });
    ids.buyer = (await user(buyer.id, "buyer@test.example", "BUYER_ADMIN")).id;
    ids.supplierAdmin = (await user(supplier.id, "partner@test.example", "SUPPLIER_ADMIN")).id;
    ids.supplierCompany = supplier.id;
    ids.ops = (await user(platform.id, "ops@test.example", "OPERATIONS")).id;
    ids.rejected = (await user(rejected.id, "rejected@test.example", "SUPPLIER_ADMIN")).id;
  });

  it("refuses a signed-out session, while the same user's other browser stays signed in", async () => {
    const laptop = await startUserSession(db, ids.buyer, "192.0.2.1");
    const phone = await startUserSession(db, ids.buyer, "192.0.2.2");
    expect(await loadSessionUser(db, { sessionId: laptop, userId: ids.buyer })).toMatchObject({
      id: ids.buyer,
    });
    await revokeSession(db, laptop, "sign_out");
    expect(await loadSessionUser(db, { sessionId: laptop, userId: ids.buyer })).toBeNull();
    expect(await loadSessionUser(db, { sessionId: phone, userId: ids.buyer })).toMatchObject({
      id: ids.buyer,
    });
  });

  it("ends every session of a user at once (password or role change)", async () => {
    const sessions = [
      await startUserSession(db, ids.buyer, "192.0.2.1"),
      await startUserSession(db, ids.buyer, "192.0.2.2"),
    ];
    expect(await revokeUserSessions(db, ids.buyer, "role_changed")).toBeGreaterThanOrEqual(2);
    for (const sessionId of sessions)
      expect(await loadSessionUser(db, { sessionId, userId: ids.buyer })).toBeNull();
  });

  it("refuses an unknown session, another user's session, and a disabled user", async () => {
    const session = await startUserSession(db, ids.buyer, "192.0.2.1");
    expect(await loadSessionUser(db, { sessionId: "no-such-session", userId: ids.buyer })).toBeNull();
    expect(await loadSessionUser(db, { sessionId: session, userId: ids.ops })).toBeNull();
    const opsSession = await startUserSession(db, ids.ops, "192.0.2.1");
    await db.user.update({ where: { id: ids.ops }, data: { disabledAt: new Date() } });
    expect(await loadSessionUser(db, { sessionId: opsSession, userId: ids.ops })).toBeNull();
    await db.user.update({ where: { id: ids.ops }, data: { disabledAt: null } });
  });

  it("ends a partner's open sessions when operations suspend it", async () => {
    const before = await startUserSession(db, ids.supplierAdmin, "192.0.2.1");
    expect(await loadSessionUser(db, { sessionId: before, userId: ids.supplierAdmin })).not.toBeNull();
    await suspendSupplier(db, { userId: ids.ops }, ids.supplierCompany, {
      reason: "Deliveries were late three times in a row.",
    });
    expect(await loadSessionUser(db, { sessionId: before, userId: ids.supplierAdmin })).toBeNull();
  });

  it("refuses a rejected partner's session even if it was never revoked", async () => {
    const session = await startUserSession(db, ids.rejected, "192.0.2.1");
    expect(await loadSessionUser(db, { sessionId: session, userId: ids.rejected })).toBeNull();
  });
});

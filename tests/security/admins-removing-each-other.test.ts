// Walk 10 (attacker): two admins remove each other at the same moment. Each request's role was checked
// when it started, so the admin removed first went on to remove the other: an admin about to be removed
// who presses at the same moment took the remover out with them. Now the acting admin is checked again
// under the team's lock, and exactly one of the two removals happens.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { changeTeamMemberRole } from "../../lib/team/change-team-member-role";
import { removeOperationsUser } from "../../lib/team/remove-operations-user";
import { removeTeamMember } from "../../lib/team/remove-team-member";
import { seedDatabase } from "../../prisma/seed";
import { acme } from "../fixtures/acme-orders";
import { createTestPrisma } from "../integration/setup/test-prisma";

vi.mock("server-only", () => ({}));

describe("two admins removing or demoting each other at the same moment", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  async function admin(name: string) {
    const user = await db.user.create({
      data: { companyId: acme, email: `${name}@acme.example`, name, passwordHash: "x", role: "BUYER_ADMIN" },
    });
    return { userId: user.id, companyId: acme, role: user.role };
  }

  const active = (userId: string) =>
    db.user.count({ where: { id: userId, disabledAt: null, role: "BUYER_ADMIN" } });

  it("removes one of them; the other is refused", async () => {
    const [first, second] = [await admin("first-remover"), await admin("second-remover")];
    const outcomes = await Promise.allSettled([
      removeTeamMember(db, first, { userId: second.userId }),
      removeTeamMember(db, second, { userId: first.userId }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(outcomes.find((outcome) => outcome.status === "rejected")).toMatchObject({
      reason: { code: "forbidden" },
    });
    expect((await active(first.userId)) + (await active(second.userId))).toBe(1);
  });

  it("demotes one of them; the other keeps the admin role", async () => {
    const [first, second] = [await admin("first-demoter"), await admin("second-demoter")];
    const outcomes = await Promise.allSettled([
      changeTeamMemberRole(db, first, { userId: second.userId, role: "BUYER_ENGINEER" }),
      changeTeamMemberRole(db, second, { userId: first.userId, role: "BUYER_ENGINEER" }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await active(first.userId)) + (await active(second.userId))).toBe(1);
  });

  it("two operations colleagues removing each other: one stays, so operations are never locked out", async () => {
    const colleague = async (name: string) => {
      const user = await db.user.create({
        data: {
          companyId: "seed_company_platform",
          email: `${name}@instant-quote.example`,
          name,
          passwordHash: "x",
          role: "OPERATIONS",
        },
      });
      return { userId: user.id, companyId: user.companyId!, role: user.role };
    };
    const [first, second] = [await colleague("ops-one"), await colleague("ops-two")];
    const outcomes = await Promise.allSettled([
      removeOperationsUser(db, first, { userId: second.userId }),
      removeOperationsUser(db, second, { userId: first.userId }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const stillActive = await db.user.count({
      where: { id: { in: [first.userId, second.userId] }, disabledAt: null },
    });
    expect(stillActive).toBe(1);
  });
});

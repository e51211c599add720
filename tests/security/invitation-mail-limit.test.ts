// Walk 7 (attacker): anyone may sign up a buyer company and is its admin; an admin's invitations went out
// without a limit, each an e-mail from us to any address, with the company and person name the sender
// typed (and withdraw + invite again sent the same address another). A free account made our mail a
// relay for spam. A company now sends at most `maxInvitationsPerCompanyPerDay` invitations in 24 hours.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { inviteTeamMember, maxInvitationsPerCompanyPerDay } from "../../lib/team/invite-team-member";
import { seedDatabase } from "../../prisma/seed";
import { acme } from "../fixtures/acme-orders";
import { createTestPrisma } from "../integration/setup/test-prisma";

vi.mock("server-only", () => ({}));

const anna = {
  userId: "seed_user_anna",
  companyId: acme,
  role: "BUYER_ADMIN" as const,
  name: "Anna Weber",
  companyName: "Acme Robotics GmbH",
};

describe("invitation e-mails a company may send", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  /** Invitations Acme sent `hoursAgo`, withdrawn (as a withdraw-and-invite-again loop leaves them). */
  async function sentEarlier(count: number, hoursAgo: number) {
    const createdAt = new Date(Date.now() - hoursAgo * 3_600_000);
    await db.teamInvitation.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        companyId: acme,
        email: `earlier-${hoursAgo}-${index}@spam-target.example`,
        role: "BUYER_ENGINEER" as const,
        tokenSha256: `${hoursAgo}`.padStart(4, "0") + `${index}`.padStart(60, "0"),
        invitedById: anna.userId,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + 14 * 86_400_000),
        revokedAt: createdAt,
      })),
    });
  }

  it("refuses the next invitation once a day's are sent, saying when it can be sent", async () => {
    await sentEarlier(maxInvitationsPerCompanyPerDay - 1, 2);
    await sentEarlier(5, 25); // older than a day: not counted
    await inviteTeamMember(db, anna, { email: "last.one@acme.example", role: "BUYER_ENGINEER" });
    await expect(
      inviteTeamMember(db, anna, { email: "one.too.many@spam-target.example", role: "BUYER_ENGINEER" }),
    ).rejects.toThrow(new RegExp(`${maxInvitationsPerCompanyPerDay} invitations in the last 24 hours`));
    expect(await db.outboxEmail.count({ where: { toAddress: "one.too.many@spam-target.example" } })).toBe(0);
  });
});

// Walk 10 (attacker): an invitation withdrawn while its link's form is being sent. Accepting reads the
// invitation, hashes the password (tens of milliseconds), then marks it used if nobody used it meanwhile;
// a withdrawal (or the removal of the admin who sent it) in that gap was not looked at again, so the
// person joined although the admin had just been told the invitation was withdrawn.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { acceptInvitation } from "../../lib/team/accept-invitation";
import { inviteTeamMember } from "../../lib/team/invite-team-member";
import { withdrawInvitation } from "../../lib/team/withdraw-invitation";
import { seedDatabase } from "../../prisma/seed";
import { acme } from "../fixtures/acme-orders";
import { createTestPrisma } from "../integration/setup/test-prisma";

vi.mock("server-only", () => ({}));

const anna = { userId: "seed_user_anna", companyId: acme, role: "BUYER_ADMIN" as const };
const inviter = { ...anna, name: "Anna Weber", companyName: "Acme Robotics GmbH" };
const account = { name: "Mallory", password: "a-long-enough-password" };

describe("an invitation withdrawn while it is being accepted", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  async function invite(email: string) {
    await inviteTeamMember(db, inviter, { email, role: "BUYER_ADMIN" });
    const sent = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: email },
      orderBy: { createdAt: "desc" },
    });
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(sent.text)![1]!;
    const invitation = await db.teamInvitation.findFirstOrThrow({
      where: { email },
      orderBy: { createdAt: "desc" },
    });
    return { token, invitationId: invitation.id };
  }

  it("ends either withdrawn with nobody joined, or joined with the withdrawal refused", async () => {
    for (let round = 0; round < 4; round++) {
      const email = `late.withdrawal.${round}@private.example`;
      const { token, invitationId } = await invite(email);
      // The withdrawal starts once the acceptance has read the invitation and is hashing the password.
      const accepting = acceptInvitation(db, token, account);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const [accepted, withdrawn] = await Promise.allSettled([
        accepting,
        withdrawInvitation(db, anna, { invitationId }),
      ]);
      expect([accepted.status, withdrawn.status].sort()).toEqual(["fulfilled", "rejected"]);
      const joined = await db.user.count({ where: { email, disabledAt: null } });
      const row = await db.teamInvitation.findUniqueOrThrow({ where: { id: invitationId } });
      if (withdrawn.status === "fulfilled") {
        expect(joined).toBe(0);
        expect(row).toMatchObject({ acceptedAt: null, revokedAt: expect.any(Date) });
      } else {
        expect(joined).toBe(1);
        expect(row).toMatchObject({ acceptedAt: expect.any(Date), revokedAt: null });
      }
    }
  });
});

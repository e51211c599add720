// Walk 7 (attacker): an admin about to be removed invites a private address as admin; the company removes
// (or demotes) the admin, but the open invitation kept working, and its link brought the person back as an
// admin of the team. The invitations an admin sent are now withdrawn when the admin is removed or loses the
// admin role, in the same transaction; invitations of the admins who stay keep working.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { acceptInvitation } from "../../lib/team/accept-invitation";
import { changeTeamMemberRole } from "../../lib/team/change-team-member-role";
import { inviteTeamMember } from "../../lib/team/invite-team-member";
import { removeTeamMember } from "../../lib/team/remove-team-member";
import { seedDatabase } from "../../prisma/seed";
import { acme } from "../fixtures/acme-orders";
import { createTestPrisma } from "../integration/setup/test-prisma";

vi.mock("server-only", () => ({}));

const anna = { userId: "seed_user_anna", companyId: acme, role: "BUYER_ADMIN" as const };
const account = { name: "Mallory", password: "a-long-enough-password" };

describe("invitations of an admin who leaves the admin role", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  /** A new admin of Acme who invites `email` as admin, and the invitation link's token. */
  async function adminInviting(email: string) {
    const user = await db.user.create({
      data: {
        companyId: acme,
        email: `admin-${email}`,
        name: "Rogue Admin",
        passwordHash: "x",
        role: "BUYER_ADMIN",
      },
    });
    const inviter = {
      userId: user.id,
      companyId: acme,
      role: user.role,
      name: user.name,
      companyName: "Acme",
    };
    await inviteTeamMember(db, inviter, { email, role: "BUYER_ADMIN" });
    const sent = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: email },
      orderBy: { createdAt: "desc" },
    });
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(sent.text)![1]!;
    return { user, token };
  }

  it("a removed admin's open invitation no longer lets anyone join", async () => {
    const { user, token } = await adminInviting("mallory.removed@private.example");
    await removeTeamMember(db, anna, { userId: user.id });
    await expect(acceptInvitation(db, token, account)).rejects.toThrow(/used, withdrawn or expired/);
    expect(await db.user.count({ where: { email: "mallory.removed@private.example" } })).toBe(0);
  });

  it("a demoted admin's open invitation no longer lets anyone join", async () => {
    const { user, token } = await adminInviting("mallory.demoted@private.example");
    await changeTeamMemberRole(db, anna, { userId: user.id, role: "BUYER_ENGINEER" });
    await expect(acceptInvitation(db, token, account)).rejects.toThrow(/used, withdrawn or expired/);
  });

  it("the invitations of an admin who stays keep working when another member is removed", async () => {
    const { token } = await adminInviting("colleague@acme.example");
    await removeTeamMember(db, anna, { userId: "seed_user_ben" });
    const joined = await acceptInvitation(db, token, account);
    expect(joined.role).toBe("BUYER_ADMIN");
  });
});

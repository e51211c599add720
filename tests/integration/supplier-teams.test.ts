// Issue 21 (People and communication: partner teams, decision 0041). A partner admin invites colleagues
// as production, finance or admin; each role may do what lib/auth/permissions.ts says and the use-cases
// check it again; role changes and removals end the colleague's sessions and are logged; the last admin
// stays. Against the seeded Müller team: partner@ (admin), stefan.staff@ (production), fiona.finance@
// (finance).
import { beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "../../lib/auth/load-session-user";
import { may, userRoles, type Permission } from "../../lib/auth/permissions";
import { homePathForRole } from "../../lib/auth/roles";
import { startUserSession } from "../../lib/auth/start-user-session";
import { verifyCredentials } from "../../lib/auth/verify-credentials";
import type { UserRole } from "../../lib/db/generated/enums";
import type { Database } from "../../lib/db/prisma";
import { saveBankDetails } from "../../lib/payouts/save-bank-details";
import { saveSupplierTaxDetails } from "../../lib/supplier-tax/save-supplier-tax-details";
import { blockDays } from "../../lib/suppliers/block-days";
import { updateSupplierLocation } from "../../lib/suppliers/update-supplier-location";
import { acceptInvitation } from "../../lib/team/accept-invitation";
import { changeTeamMemberRole } from "../../lib/team/change-team-member-role";
import { inviteTeamMember } from "../../lib/team/invite-team-member";
import { removeTeamMember } from "../../lib/team/remove-team-member";
import { withdrawInvitation } from "../../lib/team/withdraw-invitation";
import { seedDatabase } from "../../prisma/seed";
import { createTestPrisma } from "./setup/test-prisma";

const muellerId = "seed_company_mueller";
const admin = { userId: "seed_user_mueller", companyId: muellerId, role: "SUPPLIER_ADMIN" as const };
const production = {
  userId: "seed_user_mueller_staff",
  companyId: muellerId,
  role: "SUPPLIER_MEMBER" as const,
};
const finance = {
  userId: "seed_user_mueller_finance",
  companyId: muellerId,
  role: "SUPPLIER_FINANCE" as const,
};
const inviter = { ...admin, name: "Klaus Müller", companyName: "Präzisionsteile Müller GmbH" };
const password = "a-long-enough-password";

async function invitationToken(db: Database, to: string): Promise<string> {
  const mail = await db.outboxEmail.findFirstOrThrow({
    where: { toAddress: to, text: { contains: "/invitations/" } },
    orderBy: { createdAt: "desc" },
  });
  return /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
}

async function joinAs(db: Database, email: string, role: UserRole) {
  await inviteTeamMember(db, inviter, { email, role });
  return acceptInvitation(db, await invitationToken(db, email), { name: email.split("@")[0], password });
}

const signIn = (db: Database, email: string) => verifyCredentials(db, { email, password }, "192.0.2.7");

describe("partner teams (issue 21)", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("seeds Müller's team with an admin, a production and a finance user", async () => {
    const team = await db.user.findMany({
      where: { companyId: muellerId },
      select: { email: true, role: true },
    });
    expect(team).toEqual(
      expect.arrayContaining([
        { email: "partner@mueller-cnc.example", role: "SUPPLIER_ADMIN" },
        { email: "stefan.staff@mueller-cnc.example", role: "SUPPLIER_MEMBER" },
        { email: "fiona.finance@mueller-cnc.example", role: "SUPPLIER_FINANCE" },
      ]),
    );
  });

  it("lets the admin invite by e-mail with a partner role, which the link's account then has", async () => {
    await inviteTeamMember(db, inviter, {
      email: "Pia.Production@mueller-cnc.example",
      role: "SUPPLIER_MEMBER",
    });
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: "pia.production@mueller-cnc.example" },
    });
    expect(mail.subject).toBe("Klaus Müller invites you to Präzisionsteile Müller GmbH on Instant Quote");
    expect(mail.text).toMatch(/partner portal/);
    expect(
      await db.auditLogEntry.findFirstOrThrow({
        where: { action: "team.invited", companyId: muellerId },
        orderBy: { createdAt: "desc" },
      }),
    ).toMatchObject({ actorUserId: admin.userId, data: { role: "SUPPLIER_MEMBER" } });

    const joined = await acceptInvitation(
      db,
      await invitationToken(db, "pia.production@mueller-cnc.example"),
      {
        name: "Pia Production",
        password,
      },
    );
    expect(joined.role).toBe("SUPPLIER_MEMBER");
    expect(homePathForRole(joined.role)).toBe("/supplier");
    expect(await db.user.findUniqueOrThrow({ where: { id: joined.userId } })).toMatchObject({
      companyId: muellerId,
      role: "SUPPLIER_MEMBER",
    });
    expect(await signIn(db, "pia.production@mueller-cnc.example")).toMatchObject({
      ok: true,
      identity: { role: "SUPPLIER_MEMBER" },
    });
    const finance2 = await joinAs(db, "felix.finance@mueller-cnc.example", "SUPPLIER_FINANCE");
    expect(homePathForRole(finance2.role)).toBe("/supplier/payouts");
  });

  it("refuses a buyer's role on a partner team, and invitations from anyone but the admin", async () => {
    await expect(
      inviteTeamMember(db, inviter, { email: "x@mueller-cnc.example", role: "BUYER_ADMIN" }),
    ).rejects.toThrow(/production, finance or admin/);
    await expect(
      inviteTeamMember(db, inviter, { email: "x@mueller-cnc.example", role: "OPERATIONS" }),
    ).rejects.toThrow(/production, finance or admin/);
    for (const who of [production, finance])
      await expect(
        inviteTeamMember(
          db,
          { ...inviter, ...who },
          { email: "x@mueller-cnc.example", role: "SUPPLIER_MEMBER" },
        ),
      ).rejects.toMatchObject({ code: "forbidden" });
    // A buyer admin's invitation gives buyer roles only.
    await expect(
      inviteTeamMember(
        db,
        {
          userId: "seed_user_anna",
          companyId: "seed_company_acme",
          role: "BUYER_ADMIN",
          name: "A",
          companyName: "Acme",
        },
        { email: "y@acme.example", role: "SUPPLIER_ADMIN" },
      ),
    ).rejects.toThrow(/engineer, purchaser or admin/);
    expect(
      await db.teamInvitation.count({
        where: { email: { in: ["x@mueller-cnc.example", "y@acme.example"] } },
      }),
    ).toBe(0);
  });

  it("withdraws an open invitation: its link stops working", async () => {
    const invitation = await inviteTeamMember(db, inviter, {
      email: "wanda@mueller-cnc.example",
      role: "SUPPLIER_FINANCE",
    });
    const token = await invitationToken(db, "wanda@mueller-cnc.example");
    await expect(withdrawInvitation(db, production, { invitationId: invitation.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await withdrawInvitation(db, admin, { invitationId: invitation.id });
    await expect(acceptInvitation(db, token, { name: "Wanda", password })).rejects.toThrow(/withdrawn/);
    expect(
      await db.auditLogEntry.count({
        where: { action: "team.invitation-withdrawn", entityId: invitation.id },
      }),
    ).toBe(1);
  });

  it("changes a colleague's role, ends their sessions and logs from what to what", async () => {
    const { userId } = await joinAs(db, "rolf@mueller-cnc.example", "SUPPLIER_MEMBER");
    const session = await startUserSession(db, userId, "192.0.2.8");
    await expect(
      changeTeamMemberRole(db, production, { userId, role: "SUPPLIER_ADMIN" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeTeamMemberRole(db, admin, { userId, role: "BUYER_ADMIN" })).rejects.toThrow(
      /production, finance or admin/,
    );
    // Another company's admin does not find Müller's colleague.
    await expect(
      changeTeamMemberRole(
        db,
        { userId: "seed_user_rossi", companyId: "seed_company_rossi", role: "SUPPLIER_ADMIN" },
        { userId, role: "SUPPLIER_FINANCE" },
      ),
    ).rejects.toMatchObject({ code: "not_found" });

    const { changed } = await changeTeamMemberRole(db, admin, { userId, role: "SUPPLIER_FINANCE" });
    expect(changed).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).role).toBe("SUPPLIER_FINANCE");
    expect(await loadSessionUser(db, { sessionId: session, userId })).toBeNull();
    expect(
      await db.auditLogEntry.findFirstOrThrow({ where: { action: "team.role-changed", entityId: userId } }),
    ).toMatchObject({
      actorUserId: admin.userId,
      companyId: muellerId,
      data: {
        email: "rolf@mueller-cnc.example",
        from: "SUPPLIER_MEMBER",
        to: "SUPPLIER_FINANCE",
        sessionsEnded: 1,
      },
    });
  });

  it("keeps the last admin: neither demoted nor removed, until another admin exists", async () => {
    await expect(
      changeTeamMemberRole(db, admin, { userId: admin.userId, role: "SUPPLIER_MEMBER" }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/last admin/) });
    await expect(removeTeamMember(db, admin, { userId: admin.userId })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/last admin/),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.userId } })).role).toBe("SUPPLIER_ADMIN");

    const second = await joinAs(db, "alma.admin@mueller-cnc.example", "SUPPLIER_ADMIN");
    const secondAdmin = { userId: second.userId, companyId: muellerId, role: "SUPPLIER_ADMIN" as const };
    // Two admins demoting each other at the same moment: one of them stays admin.
    const results = await Promise.allSettled([
      changeTeamMemberRole(db, admin, { userId: second.userId, role: "SUPPLIER_MEMBER" }),
      changeTeamMemberRole(db, secondAdmin, { userId: admin.userId, role: "SUPPLIER_MEMBER" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(
      await db.user.count({ where: { companyId: muellerId, role: "SUPPLIER_ADMIN", disabledAt: null } }),
    ).toBe(1);
    // Why only one: a demotion or removal of an admin waits for the company's row, which the other holds.
    const demoted = await db.user.findFirstOrThrow({
      where: { companyId: muellerId, role: "SUPPLIER_MEMBER", id: { in: [admin.userId, second.userId] } },
    });
    await db.user.update({ where: { id: demoted.id }, data: { role: "SUPPLIER_ADMIN" } });
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = db.$transaction(
      async (tx) => {
        // NO KEY UPDATE: the foreign keys' share locks (an audit entry names the company) pass it.
        await tx.$queryRaw`SELECT "id" FROM "Company" WHERE "id" = ${muellerId} FOR NO KEY UPDATE`;
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { timeout: 20_000 },
    );
    await isLocked;
    let settled = false;
    const waiting = changeTeamMemberRole(db, admin, {
      userId: second.userId,
      role: "SUPPLIER_MEMBER",
    }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    release();
    await holding;
    await waiting;
    // Put the seeded admin back for the tests after this one.
    const remaining = await db.user.findFirstOrThrow({
      where: { companyId: muellerId, role: "SUPPLIER_ADMIN", disabledAt: null },
    });
    if (remaining.id !== admin.userId)
      await changeTeamMemberRole(
        db,
        { userId: remaining.id, companyId: muellerId, role: "SUPPLIER_ADMIN" },
        { userId: admin.userId, role: "SUPPLIER_ADMIN" },
      );
    await db.user.update({ where: { id: second.userId }, data: { role: "SUPPLIER_ADMIN" } });
    await removeTeamMember(db, admin, { userId: second.userId });
    expect(
      await db.user.count({ where: { companyId: muellerId, role: "SUPPLIER_ADMIN", disabledAt: null } }),
    ).toBe(1);
  });

  it("removes a colleague: every session ends at once, sign-in fails, and a new invitation brings them back", async () => {
    const { userId } = await joinAs(db, "ralf@mueller-cnc.example", "SUPPLIER_MEMBER");
    const laptop = await startUserSession(db, userId, "192.0.2.9");
    const phone = await startUserSession(db, userId, "192.0.2.10");
    expect(await loadSessionUser(db, { sessionId: laptop, userId })).not.toBeNull();
    await expect(removeTeamMember(db, finance, { userId })).rejects.toMatchObject({ code: "forbidden" });

    const { sessionsEnded } = await removeTeamMember(db, admin, { userId });
    expect(sessionsEnded).toBe(2);
    expect(await loadSessionUser(db, { sessionId: laptop, userId })).toBeNull();
    expect(await loadSessionUser(db, { sessionId: phone, userId })).toBeNull();
    expect(await db.userSession.findMany({ where: { userId }, select: { revokeReason: true } })).toEqual([
      { revokeReason: "removed" },
      { revokeReason: "removed" },
    ]);
    expect(await signIn(db, "ralf@mueller-cnc.example")).toMatchObject({ ok: false });
    expect(
      await db.auditLogEntry.findFirstOrThrow({ where: { action: "team.removed", entityId: userId } }),
    ).toMatchObject({
      actorUserId: admin.userId,
      data: { email: "ralf@mueller-cnc.example", role: "SUPPLIER_MEMBER", sessionsEnded: 2 },
    });
    await expect(removeTeamMember(db, admin, { userId })).rejects.toMatchObject({ code: "not_found" });

    // Invited again (as finance): the same account comes back with the new role and password.
    const back = await joinAs(db, "ralf@mueller-cnc.example", "SUPPLIER_FINANCE");
    expect(back.userId).toBe(userId);
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      disabledAt: null,
      role: "SUPPLIER_FINANCE",
    });
    expect(await signIn(db, "ralf@mueller-cnc.example")).toMatchObject({ ok: true });
  });

  it.each<[Permission, readonly UserRole[]]>([
    ["supplier.portal", ["SUPPLIER_ADMIN", "SUPPLIER_MEMBER", "SUPPLIER_FINANCE"]],
    ["supplier.offers.respond", ["SUPPLIER_ADMIN", "SUPPLIER_MEMBER"]],
    ["supplier.cad.download", ["SUPPLIER_ADMIN", "SUPPLIER_MEMBER"]],
    ["supplier.jobs.update", ["SUPPLIER_ADMIN", "SUPPLIER_MEMBER"]],
    ["supplier.capacity.edit", ["SUPPLIER_ADMIN", "SUPPLIER_MEMBER"]],
    ["supplier.payouts.view", ["SUPPLIER_ADMIN", "SUPPLIER_FINANCE"]],
    ["supplier.payouts.edit", ["SUPPLIER_ADMIN", "SUPPLIER_FINANCE"]],
    ["supplier.taxDetails.edit", ["SUPPLIER_ADMIN", "SUPPLIER_FINANCE"]],
    ["supplier.invoices.view", ["SUPPLIER_ADMIN", "SUPPLIER_FINANCE", "OPERATIONS"]],
    ["supplier.profile.edit", ["SUPPLIER_ADMIN"]],
    ["supplier.team.manage", ["SUPPLIER_ADMIN"]],
  ])("%s is for %j only", (permission, roles) => {
    expect(userRoles.filter((role) => may(role, permission))).toEqual(roles);
  });

  it("holds each role to its permissions in the use-cases too", async () => {
    const iban = { accountHolder: "Präzisionsteile Müller GmbH", iban: "DE89370400440532013000", bic: "" };
    await expect(saveBankDetails(db, production, iban)).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/^Only an admin or finance staff of your company can change the payout/),
    });
    await saveBankDetails(db, finance, iban);
    expect((await db.company.findUniqueOrThrow({ where: { id: muellerId } })).bankIban).toBe(
      "DE89370400440532013000",
    );
    await expect(
      saveSupplierTaxDetails(db, production, { taxNumber: "2893081508152" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const now = new Date("2030-01-07T09:00:00Z");
    await expect(
      blockDays(db, finance, { from: "2030-02-04", reason: "Holiday" }, now),
    ).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/^Only an admin or production staff of your company can block days/),
    });
    expect((await blockDays(db, production, { from: "2030-02-04", reason: "Holiday" }, now)).blocked).toBe(1);
    for (const who of [production, finance])
      await expect(
        updateSupplierLocation(db, who, { countryCode: "DE", city: "Stuttgart" }),
      ).rejects.toMatchObject({ code: "forbidden" });
  });
});

import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { may } from "../auth/permissions";
import { emailSchema } from "../companies/account-fields";
import type { UserRole } from "../db/generated/enums";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { queueEmail } from "../notifications/queue-email";
import { teamKindOf } from "./team-roles";
import { formatDeadline } from "../dates/format-deadline";

export const invitationValidDays = 14;
/**
 * Invitation e-mails one company may send in 24 hours: a team joins in a day, and a free account cannot
 * make our mail a relay for its own text to any address (walk 7). Withdrawn invitations count too.
 */
export const maxInvitationsPerCompanyPerDay = 50;

export function invitationTokenSha256(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * An admin invites a colleague by e-mail with a role of the team's kind (a buyer's: engineer, purchaser,
 * admin; a partner's: production, finance, admin; lib/team/team-roles.ts). The e-mail carries a one-time link whose token is
 * stored only as its hash; it is valid for 14 days. Inviting a member of the team, or an address with an
 * open invitation, is refused with what to do. An address with an account in another company is
 * answered like any other (so the form does not tell who has an account elsewhere): its owner gets an
 * e-mail that explains, without a usable link. A colleague removed from this team may be invited again:
 * accepting brings the account back.
 */
export async function inviteTeamMember(
  db: Database,
  inviter: { userId: string; companyId: string; role: UserRole; name: string; companyName: string },
  input: unknown,
  now = new Date(),
) {
  const team = teamKindOf(inviter.role);
  if (!team || !may(inviter.role, team.managePermission))
    throw new AppError("forbidden", "Only an admin of your company can invite colleagues.");
  const invitation = z
    .object({ email: emailSchema, role: z.enum(team.roles, { error: team.roleError }) })
    .parse(input);
  const found = await db.user.findUnique({
    where: { email: invitation.email },
    select: { companyId: true, disabledAt: true },
  });
  const removedFromThisTeam = found?.companyId === inviter.companyId && found.disabledAt !== null;
  const existing = removedFromThisTeam ? null : found;
  // Your own team is listed on the team page, so saying so tells nothing new.
  if (existing?.companyId === inviter.companyId)
    throw new AppError("conflict", `${invitation.email} is already on your team.`, { field: "email" });
  const token = randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    await refuseOverDailyInvitations(tx, inviter.companyId, now);
    const open = await tx.teamInvitation.findFirst({
      where: {
        companyId: inviter.companyId,
        email: invitation.email,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
    });
    if (open)
      throw new AppError(
        "conflict",
        `${invitation.email} is already invited; the link is valid until ${formatDeadline(open.expiresAt)}.`,
        { field: "email" },
      );
    const created = await tx.teamInvitation.create({
      data: {
        companyId: inviter.companyId,
        email: invitation.email,
        role: invitation.role,
        tokenSha256: invitationTokenSha256(token),
        invitedById: inviter.userId,
        expiresAt: new Date(now.getTime() + invitationValidDays * 86_400_000),
      },
    });
    await recordAuditLog(tx, {
      actorUserId: inviter.userId,
      companyId: inviter.companyId,
      action: "team.invited",
      entityType: "TeamInvitation",
      entityId: created.id,
      data: { email: invitation.email, role: invitation.role },
    });
    await queueEmail(
      tx,
      existing
        ? {
            // The address belongs to another company's account: its owner hears of the invitation, and the
            // link (whose token was never sent) cannot be used; the admin's answer is the usual one.
            to: invitation.email,
            subject: `${inviter.name} invites you to ${inviter.companyName} on Instant Quote`,
            text: `${inviter.name} invites you to join ${inviter.companyName} on Instant Quote, but ${invitation.email} already has an account with another company, and an address can belong to one account only.\n\nTo join ${inviter.companyName}, ask ${inviter.name} to invite another address of yours. Your own account: ${appUrl()}/sign-in`,
          }
        : {
            to: invitation.email,
            subject: `${inviter.name} invites you to ${inviter.companyName} on Instant Quote`,
            text: `${inviter.name} invites you to join ${inviter.companyName} on Instant Quote, ${team.invitationPitch}.\n\nAccept within ${invitationValidDays} days: ${appUrl()}/invitations/${token}`,
          },
    );
    return created;
  });
}

/** Refuses an invitation past the company's daily number, naming when the next one can be sent. */
async function refuseOverDailyInvitations(tx: TransactionClient, companyId: string, now: Date) {
  // One lock per company: invitations sent at the same moment are counted one after another.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`team-invitations:${companyId}`}, 0))`;
  const recent = await tx.teamInvitation.findMany({
    where: { companyId, createdAt: { gt: new Date(now.getTime() - 86_400_000) } },
    orderBy: { createdAt: "desc" },
    take: maxInvitationsPerCompanyPerDay,
    select: { createdAt: true },
  });
  if (recent.length < maxInvitationsPerCompanyPerDay) return;
  const nextAt = new Date(recent.at(-1)!.createdAt.getTime() + 86_400_000);
  throw new AppError(
    "rate_limited",
    `Your company sent ${maxInvitationsPerCompanyPerDay} invitations in the last 24 hours, as many as a day allows. ` +
      `Send the next after ${formatDeadline(nextAt)}, or write to us if your whole team must join today.`,
  );
}

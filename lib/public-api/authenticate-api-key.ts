import "server-only";
import type { Database } from "../db/prisma";
import type { CompanyKind } from "../db/generated/enums";
import { may, suspendedCompanyPermissions } from "../auth/permissions";
import { roleLabels } from "../auth/roles";
import { AppError } from "../errors/app-error";
import { formatDayOfMoment } from "../dates/format-day";
import { apiKeyMarker, hashApiKeySecret } from "./api-key-secret";
import { apiScopes, creatorPermissionFor, isApiScope, readOnlyApiScopes, type ApiScope } from "./api-scopes";

/** The key a public API handler acts for. */
export interface ApiKeyActor {
  id: string;
  companyId: string;
  companyKind: CompanyKind;
  createdByUserId: string;
  scopes: ApiScope[];
  requestsPerMinute: number;
}

/** The secret from `Authorization: Bearer iqk_…`, or null when the request carries none. */
export function bearerSecretOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/**
 * The key behind the request's bearer secret, checked for the operation's scope: 401 without a valid,
 * unrevoked, unexpired key (an expired one's message says to create a new key; decision 0075); 403 when
 * the key lacks the scope, the company's kind may not hold it, or the company is suspended or not (yet)
 * active and the scope changes something, or the key's creator, whom writes act as,
 * is no longer on the company's team (disabled or moved; decision 0069). lastUsedAt is written at most once a
 * minute per key (a write per request would cost more than the request).
 */
export async function authenticateApiKey(
  db: Database,
  request: Request,
  scope: ApiScope,
  now: Date = new Date(),
): Promise<ApiKeyActor> {
  const secret = bearerSecretOf(request);
  if (!secret || !secret.startsWith(apiKeyMarker))
    throw new AppError(
      "unauthenticated",
      "Send an API key as `Authorization: Bearer iqk_…`. Keys are created on the team page.",
    );
  const key = await db.apiKey.findUnique({
    where: { secretHash: hashApiKeySecret(secret) },
    include: {
      company: { select: { kind: true, status: true } },
      createdBy: { select: { companyId: true, disabledAt: true, role: true } },
    },
  });
  if (!key || key.revokedAt)
    throw new AppError(
      "unauthenticated",
      "This API key is not valid or was revoked. Create a new one on the team page.",
    );
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime())
    throw new AppError(
      "unauthenticated",
      `This API key expired: it worked until ${formatDayOfMoment(key.expiresAt)}. An admin creates a new key on the team page; use that one instead.`,
    );
  const scopes = key.scopes.filter(isApiScope);
  if (!scopes.includes(scope))
    throw new AppError(
      "forbidden",
      `This API key does not have the scope ${scope}. Create a key with it on the team page.`,
      { scope },
    );
  if (!(apiScopes[scope].kinds as readonly CompanyKind[]).includes(key.company.kind))
    throw new AppError("forbidden", `The scope ${scope} is not for your kind of company.`, { scope });
  const creatorMay = creatorPermissionFor(scope);
  // A suspended partner still finishes and ships the jobs it accepted (decision 0015), as in the portal:
  // a scope whose permission suspendedCompanyPermissions keeps stays usable.
  const keptWhileSuspended =
    key.company.status === "SUSPENDED" &&
    creatorMay !== undefined &&
    suspendedCompanyPermissions.includes(creatorMay);
  if (key.company.status !== "ACTIVE" && !readOnlyApiScopes.includes(scope) && !keptWhileSuspended)
    throw new AppError(
      "forbidden",
      key.company.status === "SUSPENDED"
        ? "Your company's account is suspended: its keys may read and finish the jobs you accepted, but not change anything else until operations reinstate it."
        : "Your company's account is not active yet: its keys may read, but not change anything.",
    );
  // Writes act as the key's creator (uploads, offers, jobs, orders): not once that person left the team.
  if (
    !readOnlyApiScopes.includes(scope) &&
    (key.createdBy.disabledAt !== null || key.createdBy.companyId !== key.companyId)
  )
    throw new AppError(
      "forbidden",
      "The person who created this API key is no longer on your team, so it may only read: an admin creates a new key on the team page.",
    );
  // ...and only as far as that person's current role may go (decision 0080).
  if (creatorMay && !may(key.createdBy.role, creatorMay))
    throw new AppError(
      "forbidden",
      `The person who created this API key is now ${roleLabels[key.createdBy.role]} on your team, a role that may not ${apiScopes[scope].label.toLowerCase()}; so this key may not either. An admin creates a new key on the team page, or gives that person back the role.`,
      { scope },
    );
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000)
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  return {
    id: key.id,
    companyId: key.companyId,
    companyKind: key.company.kind,
    createdByUserId: key.createdByUserId,
    scopes,
    requestsPerMinute: key.requestsPerMinute,
  };
}

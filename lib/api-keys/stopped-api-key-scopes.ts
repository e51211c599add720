import { may } from "../auth/permissions";
import type { UserRole } from "../db/generated/enums";
import { creatorPermissionFor, isApiScope, type ApiScope } from "../public-api/api-scopes";

/**
 * The scopes of a key that the API refuses because of its creator, whom writes act as (decisions 0069,
 * 0080): every write scope once the creator left the team, else those the creator's current role may not
 * use in the app (an admin demoted to finance no longer answers offers). The team page names them so the
 * company's admins see which keys to replace before an integration fails. Read scopes never stop.
 */
export function stoppedApiKeyScopes(key: {
  scopes: readonly string[];
  companyId: string;
  createdBy: { role: UserRole; companyId: string; disabledAt: Date | null };
}): ApiScope[] {
  const left = key.createdBy.disabledAt !== null || key.createdBy.companyId !== key.companyId;
  return key.scopes.filter(isApiScope).filter((scope) => {
    const permission = creatorPermissionFor(scope);
    return permission !== undefined && (left || !may(key.createdBy.role, permission));
  });
}

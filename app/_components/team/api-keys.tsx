import Link from "next/link";
import { StackTable } from "@/app/_components/stack-table";
import { listApiKeys, type ApiKeyRow } from "@/lib/api-keys/list-api-keys";
import { stoppedApiKeyScopes } from "@/lib/api-keys/stopped-api-key-scopes";
import { roleLabels } from "@/lib/auth/roles";
import { formatDayOfMoment } from "@/lib/dates/format-day";
import { apiKeyExpiryDays } from "@/lib/api-keys/api-key-expiry-days";
import type { CompanyKind } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { formatDeadline } from "@/lib/dates/format-deadline";
import { apiScopes, apiScopesForCompanyKind } from "@/lib/public-api/api-scopes";
import { CreateApiKeyForm, RevokeApiKeyForm } from "./api-key-forms";
import { labelledChoices } from "./choice-checklist";
import styles from "./api-keys.module.css";

type KeyAction = Parameters<typeof CreateApiKeyForm>[0]["action"];

/**
 * The company's keys for the public API (issue 24, docs/decisions/0059) on the team page of buyers and
 * partners: everyone sees which keys exist (name, first characters, scopes, limit, last day, last use);
 * the admin creates and revokes them. A key is shown once, when it is created.
 */
export async function ApiKeys({
  companyId,
  companyKind,
  admin,
  actions,
}: {
  companyId: string;
  companyKind: CompanyKind;
  admin: boolean;
  /** The page's API key actions module (`import * as apiKeyActions from "./api-key-actions"`). */
  actions: { createApiKeyAction: KeyAction; revokeApiKeyAction: KeyAction };
}) {
  const keys = await listApiKeys(getPrisma(), companyId);
  const now = new Date();
  const scopes = labelledChoices(apiScopesForCompanyKind(companyKind), apiScopes);
  return (
    <section className={`card ${styles.card}`} aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading">API keys</h2>
      <p className="muted">
        Your systems (ERP, shop software) use the <Link href="/api-reference">public API</Link> with a key:{" "}
        <code>Authorization: Bearer iqk_…</code>.
      </p>
      {keys.length === 0 ? (
        <p className="muted">No keys yet.</p>
      ) : (
        <StackTable
          columns={
            admin
              ? ["Name", "Key", "Scopes", "Limit", "Valid until", "Last used", ""]
              : ["Name", "Key", "Scopes", "Limit", "Valid until", "Last used"]
          }
        >
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key">
              <td data-label="Name">
                {key.name}
                <div className="muted">
                  by {key.createdBy.name}, {formatDeadline(key.createdAt)}
                </div>
              </td>
              <td data-label="Key">
                <code>{key.prefix}…</code>
              </td>
              <td data-label="Scopes" className={styles.scopeList}>
                {key.scopes.join(", ")}
                {!key.revokedAt && <StoppedScopes apiKey={key} />}
              </td>
              <td data-label="Limit">{key.requestsPerMinute} / min</td>
              <td data-label="Valid until">
                {key.expiresAt ? formatDayOfMoment(key.expiresAt) : "No end"}
                {key.expiresAt && !key.revokedAt && key.expiresAt.getTime() <= now.getTime() && (
                  <div className="muted">Expired: create a new key</div>
                )}
              </td>
              <td data-label="Last used">
                {key.revokedAt
                  ? `Revoked ${formatDeadline(key.revokedAt)}`
                  : key.lastUsedAt
                    ? formatDeadline(key.lastUsedAt)
                    : "Never"}
              </td>
              {admin && (
                <td data-label="">
                  {!key.revokedAt && <RevokeApiKeyForm action={actions.revokeApiKeyAction} apiKey={key} />}
                </td>
              )}
            </tr>
          ))}
        </StackTable>
      )}
      {admin ? (
        <>
          <h3>Create a key</h3>
          <CreateApiKeyForm
            action={actions.createApiKeyAction}
            scopes={scopes}
            expiryDays={apiKeyExpiryDays(now)}
          />
        </>
      ) : (
        <p className="muted">An admin of your company creates and revokes keys.</p>
      )}
    </section>
  );
}

/** The key's write scopes the API refuses because of its creator's role or departure (decision 0080). */
function StoppedScopes({ apiKey }: { apiKey: ApiKeyRow }) {
  const stopped = stoppedApiKeyScopes(apiKey);
  if (stopped.length === 0) return null;
  const creator = apiKey.createdBy;
  const why =
    creator.disabledAt !== null || creator.companyId !== apiKey.companyId
      ? `${creator.name} left the team`
      : `${creator.name} is now ${roleLabels[creator.role]}`;
  return (
    <div className="field-error" data-testid="api-key-stopped-scopes">
      Refused now: {stopped.join(", ")} ({why}). An admin creates a new key for these.
    </div>
  );
}

import "server-only";
import { z } from "zod";
import { recordAuditLog } from "../audit-log/record-audit-log";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { newApiKeySecret } from "../public-api/api-key-secret";
import { apiScopesForCompanyKind, isApiScope, type ApiScope } from "../public-api/api-scopes";
import { endOfDeadlineDay } from "../dates/end-of-deadline-day";
import { formatIsoDay } from "../dates/format-day";
import { apiKeyExpiryDays, maxApiKeyYears } from "./api-key-expiry-days";

/** A company may hold this many keys that are not revoked. */
export const maxActiveApiKeysPerCompany = 20;

export const apiKeyInputSchema = z.object({
  name: z.string().trim().min(1, "Name the key (e.g. the system that uses it).").max(80),
  scopes: z.array(z.string()).min(1, "Choose at least one scope."),
  requestsPerMinute: z.coerce
    .number({ error: "Enter a whole number of requests per minute." })
    .int("Enter a whole number of requests per minute.")
    .min(1, "Allow at least 1 request per minute.")
    .max(600, "At most 600 requests per minute.")
    .default(120),
  /** The last day the key works ("2027-12-06"), in Berlin time; empty for a year from today. */
  expiresOn: z
    .union([z.literal(""), z.iso.date({ error: "Choose the last day the key works, e.g. 2027-12-31." })])
    .default(""),
});

/**
 * Creates a key for the creator's company with the chosen scopes (only those the company's kind may hold)
 * and last day (a year from today unless chosen; decision 0075), and returns the secret, which is shown
 * once and never stored (decision 0059). Audited.
 */
export async function createApiKey(
  db: Database,
  input: {
    companyId: string;
    userId: string;
    name: string;
    scopes: string[];
    requestsPerMinute?: number | string;
    expiresOn?: string;
  },
  context: { ipAddress?: string | null; requestId?: string | null } = {},
  now: Date = new Date(),
): Promise<{ id: string; secret: string; prefix: string; scopes: ApiScope[]; expiresAt: Date }> {
  const fields = apiKeyInputSchema.parse({
    name: input.name,
    scopes: input.scopes,
    requestsPerMinute: input.requestsPerMinute === "" ? undefined : input.requestsPerMinute,
    expiresOn: input.expiresOn?.trim(),
  });
  const days = apiKeyExpiryDays(now);
  const expiresOn = fields.expiresOn || days.usual;
  if (expiresOn < days.first || expiresOn > days.last)
    throw new AppError(
      "validation_failed",
      `Choose a last day after today and at most ${maxApiKeyYears} years ahead (by ${formatIsoDay(days.last)}).`,
      { field: "expiresOn" },
    );
  const expiresAt = endOfDeadlineDay(expiresOn);
  const company = await db.company.findUniqueOrThrow({
    where: { id: input.companyId },
    select: { kind: true },
  });
  const allowed = apiScopesForCompanyKind(company.kind);
  const scopes = [...new Set(fields.scopes)];
  const refused = scopes.filter((scope) => !isApiScope(scope) || !allowed.includes(scope));
  if (refused.length > 0)
    throw new AppError(
      "validation_failed",
      `Your company cannot give a key these scopes: ${refused.join(", ")}.`,
      {
        field: "scopes",
      },
    );
  const { secret, prefix, secretHash } = newApiKeySecret();
  const key = await db.$transaction(async (tx) => {
    // One lock per company: keys created at the same moment are counted one after another (walk 7).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`api-keys:${input.companyId}`}, 0))`;
    const active = await tx.apiKey.count({ where: { companyId: input.companyId, revokedAt: null } });
    if (active >= maxActiveApiKeysPerCompany)
      throw new AppError(
        "conflict",
        `Your company has ${maxActiveApiKeysPerCompany} keys already: revoke one you no longer use first.`,
      );
    const created = await tx.apiKey.create({
      data: {
        companyId: input.companyId,
        createdByUserId: input.userId,
        name: fields.name,
        prefix,
        secretHash,
        scopes,
        requestsPerMinute: fields.requestsPerMinute,
        expiresAt,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: input.userId,
      companyId: input.companyId,
      action: "api_key.created",
      entityType: "ApiKey",
      entityId: created.id,
      data: { name: fields.name, prefix, scopes, expiresOn },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    return created;
  });
  return { id: key.id, secret, prefix, scopes: scopes as ApiScope[], expiresAt };
}

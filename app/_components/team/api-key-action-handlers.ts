import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { getPrisma } from "@/lib/db/prisma";
import { formList, formText } from "@/lib/forms/form-fields";

// The handlers behind the API key forms of both team pages (issue 24, decision 0059); each page has its
// own actions file so each action carries its team's permission (lib/auth/guard-table.ts).

export const createApiKeyFields = z.object({
  name: formText,
  scopes: formList,
  requestsPerMinute: formText,
  expiresOn: formText,
});
export const revokeApiKeyFields = z.object({ apiKeyId: formText });

/** Marks the new key in the success sentence, so the form can show it in its own box (once). */
export const newKeyMarker = "Your new key: ";

export function createApiKeyHandler(teamPath: string) {
  return async (input: z.output<typeof createApiKeyFields>, { user }: { user: CurrentUser }) => {
    const key = await createApiKey(getPrisma(), {
      companyId: user.companyId,
      userId: user.id,
      name: input.name,
      scopes: input.scopes,
      requestsPerMinute: input.requestsPerMinute.trim(),
      expiresOn: input.expiresOn,
    });
    revalidatePath(teamPath);
    return `Key created. Copy it now: it is shown only this once. ${newKeyMarker}${key.secret}`;
  };
}

export function revokeApiKeyHandler(teamPath: string) {
  return async (input: z.output<typeof revokeApiKeyFields>, { user }: { user: CurrentUser }) => {
    await revokeApiKey(getPrisma(), { companyId: user.companyId, userId: user.id, apiKeyId: input.apiKeyId });
    revalidatePath(teamPath);
    return "Key revoked: requests with it are refused from now on.";
  };
}

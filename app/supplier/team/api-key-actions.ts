"use server";

import {
  createApiKeyFields,
  createApiKeyHandler,
  revokeApiKeyFields,
  revokeApiKeyHandler,
} from "@/app/_components/team/api-key-action-handlers";
import { formAction } from "@/lib/forms/form-action";

// Issue 24: the partner's API keys (docs/decisions/0059).
export const createApiKeyAction = formAction(
  "supplier.team.manage",
  createApiKeyFields,
  createApiKeyHandler("/supplier/team"),
  { failure: "create the key" },
);

export const revokeApiKeyAction = formAction(
  "supplier.team.manage",
  revokeApiKeyFields,
  revokeApiKeyHandler("/supplier/team"),
  { failure: "revoke the key" },
);

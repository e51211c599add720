"use server";

import {
  createApiKeyFields,
  createApiKeyHandler,
  revokeApiKeyFields,
  revokeApiKeyHandler,
} from "@/app/_components/team/api-key-action-handlers";
import { formAction } from "@/lib/forms/form-action";

// Issue 24: the buyer's API keys (docs/decisions/0059).
export const createApiKeyAction = formAction(
  "team.manage",
  createApiKeyFields,
  createApiKeyHandler("/team"),
  {
    failure: "create the key",
  },
);

export const revokeApiKeyAction = formAction(
  "team.manage",
  revokeApiKeyFields,
  revokeApiKeyHandler("/team"),
  {
    failure: "revoke the key",
  },
);

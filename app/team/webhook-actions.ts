"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { createWebhookEndpoint, webhookEndpointSchema } from "@/lib/webhooks/create-webhook-endpoint";
import { replayWebhookDelivery } from "@/lib/webhooks/replay-webhook-delivery";
import { revokeWebhookEndpoint } from "@/lib/webhooks/revoke-webhook-endpoint";
import { webhookDeliverySettings } from "@/lib/webhooks/webhook-delivery-settings";

// The webhook forms of both team pages (the buyer's /team and the partner's /supplier/team, decision 0061):
// one permission, webhooks.manage, held by the admins of either kind of company.

const manager = (user: CurrentUser) => ({
  userId: user.id,
  companyId: user.companyId,
  companyKind: user.company.kind,
});
const refresh = () => {
  revalidatePath("/team");
  revalidatePath("/supplier/team");
};

export const createWebhookEndpointAction = formAction(
  "webhooks.manage",
  webhookEndpointSchema,
  async (input, { user }) => {
    const { secret } = await createWebhookEndpoint(
      getPrisma(),
      manager(user),
      input,
      webhookDeliverySettings(),
    );
    refresh();
    return `Endpoint added. Its signing secret, shown only now: ${secret}`;
  },
  { failure: "add the endpoint" },
);

export const revokeWebhookEndpointAction = formAction(
  "webhooks.manage",
  z.object({ endpointId: formText }),
  async ({ endpointId }, { user }) => {
    await revokeWebhookEndpoint(getPrisma(), manager(user), endpointId);
    refresh();
    return "Endpoint deleted; it receives no more events.";
  },
  { failure: "delete the endpoint" },
);

export const replayWebhookDeliveryAction = formAction(
  "webhooks.manage",
  z.object({ deliveryId: formText }),
  async ({ deliveryId }, { user }) => {
    const outcome = await replayWebhookDelivery(
      getPrisma(),
      manager(user),
      deliveryId,
      webhookDeliverySettings(),
    );
    refresh();
    return outcome === "delivered"
      ? "Sent again; your endpoint took it."
      : "Sent again; it failed, see the attempt.";
  },
  { failure: "send the event again" },
);

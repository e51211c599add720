import type { TransactionClient } from "../db/prisma";
import { emitWebhookEvent } from "./emit-webhook-event";

/** `offer.withdrawn` to the partner: the buyer cancelled, operations re-offered or suspended, … */
export async function emitOfferWithdrawn(
  tx: TransactionClient,
  offer: {
    id: string;
    orderLineId: string;
    supplierCompanyId: string;
    status: string;
    withdrawReason: string | null;
  },
): Promise<void> {
  await emitWebhookEvent(tx, {
    companyId: offer.supplierCompanyId,
    type: "offer.withdrawn",
    data: {
      offerId: offer.id,
      orderLineId: offer.orderLineId,
      status: offer.status,
      reason: offer.withdrawReason,
    },
  });
}

import { getPrisma } from "@/lib/db/prisma";
import { loadLinesQuality } from "@/lib/quality-documents/load-lines-quality";
import { LineQualityView } from "./line-quality";

/**
 * Issue 21 (i21-quality): an order line's quality documents (downloadable) and parcels with tracking
 * links, on the buyer's and operations' order pages, which have checked the viewer may see the order.
 */
export async function OrderLineQuality({ orderId, orderLineId }: { orderId: string; orderLineId: string }) {
  const [line] = await loadLinesQuality(getPrisma(), { id: orderLineId });
  if (!line) return null;
  return <LineQualityView line={line} downloadBase={`/api/v1/orders/${orderId}/quality-documents`} />;
}

import { explainUnmatchedLine } from "../exceptions/explain-unmatched-line";
import type { DecisionRecord } from "./list-match-decisions";
import { skipReasonLabel } from "./skip-reason-labels";
import { formatIsoDay } from "@/lib/dates/format-day";

/**
 * The e-mail operations get when nobody can take an order line: what the line is, why nobody can take it
 * in one sentence (the exceptions board's), the skipped partners counted by reason, and links to the
 * order and the board, where the line is re-offered or cancelled. No codes, no data dumps.
 */
export function unmatchedEmailText(input: {
  orderNumber: string;
  orderId: string;
  quantity: number;
  fileName: string;
  processName: string;
  materialName: string;
  deliveryDate: string;
  requiredCountryCode: string | null;
  decision: Partial<DecisionRecord>;
  baseUrl: string;
}): string {
  const { decision } = input;
  const byReason = Object.entries(decision.skippedByRule ?? {})
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([rule, count]) => `- ${skipReasonLabel(rule)}: ${count} partner${count === 1 ? "" : "s"}`);
  if (decision.notOfferingProcess)
    byReason.push(
      `- ${decision.notOfferingProcess} partner${decision.notOfferingProcess === 1 ? " does" : "s do"} not offer ${input.processName}`,
    );
  return [
    `Nobody can take order ${input.orderNumber}, ${input.quantity} × ${input.fileName} (${input.processName} in ${input.materialName}), due ${formatIsoDay(input.deliveryDate)}.`,
    explainUnmatchedLine(decision, {
      processName: input.processName,
      materialName: input.materialName,
      requiredCountryCode: input.requiredCountryCode,
    }),
    byReason.length > 0 ? `Partners passed over:\n${byReason.join("\n")}` : null,
    `Offer it to a partner you choose, or cancel it, on the order's page: ${input.baseUrl}/ops/orders/${input.orderId}`,
    `All lines nobody took: ${input.baseUrl}/ops/exceptions#unmatched`,
  ]
    .filter(Boolean)
    .join("\n\n");
}

import { formatEuros } from "@/lib/money/format-euros";
import { formatDeadline } from "@/lib/dates/format-deadline";
import { formatDay } from "@/app/_components/format-dates";

interface SentCounteroffer {
  offeredPriceCents: number;
  proposedPriceCents: number;
  offeredDeliveryDate: Date;
  proposedDeliveryDate: Date;
  decideBy: Date | null;
}

/** The partner's counteroffer waiting for the buyer: what it proposed and when the buyer's time ends. */
export function CounterofferStatus({ counteroffer }: { counteroffer: SentCounteroffer }) {
  return (
    <div className="alert warn" role="status" data-testid="counteroffer-status">
      <p>
        <strong>Counteroffer sent:</strong> {formatEuros(counteroffer.proposedPriceCents)} (offered{" "}
        {formatEuros(counteroffer.offeredPriceCents)}), delivery by{" "}
        {formatDay(counteroffer.proposedDeliveryDate)} (asked {formatDay(counteroffer.offeredDeliveryDate)}).
      </p>
      <p>
        The buyer decides on your terms
        {counteroffer.decideBy ? ` by ${formatDeadline(counteroffer.decideBy)}` : ""}; the job stays reserved
        for you until then. If they accept, the job is yours at your price and we e-mail you; if they decline
        or do not decide in time, it goes to another partner.
      </p>
    </div>
  );
}

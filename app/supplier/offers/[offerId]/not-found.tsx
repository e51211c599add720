import Link from "next/link";

/**
 * An offer that is not open to the supplier (rejected, withdrawn, expired, someone else's): a 404 that
 * says why in the supplier's words, without the part, its preview or the buyer's order.
 */
export default function OfferNotOpenPage() {
  return (
    <div className="narrow">
      <h1>This offer is not open</h1>
      <p className="muted">
        Offers can be seen only while they wait for your answer, and jobs once you accepted them. This one was
        rejected, expired, withdrawn by operations (the job then went to another partner) or cancelled with
        the buyer&apos;s order; or the link was meant for another company. Your offers list says which.
      </p>
      <Link href="/supplier" className="button">
        See your open offers
      </Link>
    </div>
  );
}

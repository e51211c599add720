import Link from "next/link";

/** The versions of the terms and privacy notice the buyer accepted with the order (lines of its facts). */
export function AcceptedTermsFacts({
  order,
}: {
  order: { acceptedTermsVersion: number | null; acceptedPrivacyVersion: number | null };
}) {
  return (
    <>
      <dt>Accepted</dt>
      <dd>
        {order.acceptedTermsVersion === null || order.acceptedPrivacyVersion === null ? (
          <span className="muted">not recorded (placed before terms were versioned)</span>
        ) : (
          <>
            <Link href={`/terms?version=${order.acceptedTermsVersion}`}>
              terms of business, version {order.acceptedTermsVersion}
            </Link>
            {" · "}
            <Link href={`/privacy?version=${order.acceptedPrivacyVersion}`}>
              privacy notice, version {order.acceptedPrivacyVersion}
            </Link>
          </>
        )}
      </dd>
    </>
  );
}

import Link from "next/link";

/**
 * What a sign-up or supplier application shows once it is sent: where the link is, instead of an empty form
 * that invites sending it again (each send is one more e-mail and one more of the address's sign-ups).
 */
export function SignUpSent({ message, againHref }: { message: string; againHref: string }) {
  return (
    <div className="form">
      <div className="alert ok" role="status">
        {message}
      </div>
      <p className="muted">
        No message after a few minutes? Look in the spam folder, or <Link href={againHref}>start again</Link>{" "}
        with the right address.
      </p>
    </div>
  );
}

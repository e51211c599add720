import Link from "next/link";

export default function NotFoundPage() {
  return (
    <div className="narrow">
      <h1>Page not found</h1>
      <p className="muted">
        There is nothing at this address. It may have moved, or the link may be incomplete.
      </p>
      <Link href="/" className="button">
        Go to the home page
      </Link>
    </div>
  );
}

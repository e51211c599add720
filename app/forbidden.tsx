import Link from "next/link";

export default function ForbiddenPage() {
  return (
    <div className="narrow">
      <h1>No access</h1>
      <p className="muted">
        Your account has no access to this area. The supplier portal is for manufacturing partners and the
        operations console for platform staff. If you think you should have access, ask your company admin.
      </p>
      <Link href="/after-sign-in" className="button">
        Go to your start page
      </Link>
    </div>
  );
}

import Link from "next/link";

/** The buyer's exports beside the orders list (issue 24): the orders CSV and the calendar feed. */
export function OrderExportLinks() {
  return (
    <p className="muted">
      <a href="/api/v1/exports/orders" download>
        Download all orders as CSV
      </a>{" "}
      · <Link href="/team#calendar">Delivery dates in your calendar</Link>
    </p>
  );
}

/** The partner's exports beside the jobs list (issue 24): the jobs CSV and the calendar feed. */
export function JobExportLinks() {
  return (
    <p className="muted">
      <a href="/api/v1/supplier/exports/jobs" download>
        Download your jobs as CSV
      </a>{" "}
      · <Link href="/supplier/team#calendar">Due dates in your calendar</Link>
    </p>
  );
}

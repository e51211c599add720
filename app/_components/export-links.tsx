import Link from "next/link";

/** A list page's exports: its CSV download and the team page's calendar feed card. */
function ExportLinks(props: {
  csvHref: string;
  csvLabel: string;
  calendarHref: string;
  calendarLabel: string;
}) {
  return (
    <p className="muted">
      <a href={props.csvHref} download>
        {props.csvLabel}
      </a>{" "}
      · <Link href={props.calendarHref}>{props.calendarLabel}</Link>
    </p>
  );
}

/** The buyer's exports beside the orders list (issue 24): the orders CSV and the calendar feed. */
export function OrderExportLinks() {
  return (
    <ExportLinks
      csvHref="/api/v1/exports/orders"
      csvLabel="Download all orders as CSV"
      calendarHref="/team#calendar"
      calendarLabel="Delivery dates in your calendar"
    />
  );
}

/** The partner's exports beside the jobs list (issue 24): the jobs CSV and the calendar feed. */
export function JobExportLinks() {
  return (
    <ExportLinks
      csvHref="/api/v1/supplier/exports/jobs"
      csvLabel="Download your jobs as CSV"
      calendarHref="/supplier/team#calendar"
      calendarLabel="Due dates in your calendar"
    />
  );
}

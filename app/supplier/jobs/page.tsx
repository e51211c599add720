import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { formatEuros } from "@/lib/money/format-euros";
import { listSupplierJobs } from "@/lib/suppliers/list-supplier-jobs";
import { describeJob } from "../format-job";
import { formatDay } from "@/app/_components/format-dates";
import { jobStatusLabels } from "./job-status-labels";
import { StackTable } from "@/app/_components/stack-table";
import { badgeClass } from "@/app/_components/status-badge";
import { JobExportLinks } from "@/app/_components/export-links";

export const metadata: Metadata = { title: "Jobs" };

export default async function SupplierJobsPage() {
  const user = await requirePermission("supplier.portal", "/supplier/jobs");
  const jobs = await listSupplierJobs(getPrisma(), user.companyId);
  const table = (rows: typeof jobs.open, testId: string) => (
    <StackTable columns={["Part", "Order", "Job", "Quantity", "Delivery by", "Status", "Your price"]}>
      {rows.map((job) => (
        <tr key={job.id} data-testid={testId}>
          <td data-label="Part">
            <Link href={`/supplier/jobs/${job.id}`}>{job.part.originalFileName}</Link>
          </td>
          <td data-label="Order">{job.order.number}</td>
          <td data-label="Job">{describeJob(job)}</td>
          <td data-label="Quantity">{job.quantity}</td>
          <td data-label="Delivery by">{formatDay(job.deliveryDate)}</td>
          <td data-label="Status">
            <span className={badgeClass(job.status)}>{jobStatusLabels[job.status]}</span>
            {job.trackingNumber && (
              <span className="hint">
                {" "}
                · {job.carrier} {job.trackingNumber}
              </span>
            )}
          </td>
          <td data-label="Your price" className="amount">
            {job.offers[0] ? formatEuros(job.offers[0].supplierPriceCents) : ""}
          </td>
        </tr>
      ))}
    </StackTable>
  );
  return (
    <>
      <h1>Jobs</h1>
      <JobExportLinks />
      <h2>To make and ship</h2>
      {jobs.open.length === 0 ? (
        <p className="muted">
          No open jobs. Accepted <Link href="/supplier">offers</Link> appear here.
        </p>
      ) : (
        table(jobs.open, "job-row")
      )}
      <h2>Shipped and delivered</h2>
      {jobs.done.length === 0 ? (
        <p className="muted">Nothing shipped yet.</p>
      ) : (
        table(jobs.done, "done-job-row")
      )}
    </>
  );
}

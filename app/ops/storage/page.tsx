import type { Metadata } from "next";
import { formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { listStorageByCompany } from "@/lib/parts/list-storage-by-company";
import { MissingFiles } from "./missing-files";
import { formatFileSize } from "@/lib/files/format-file-size";

export const metadata: Metadata = { title: "Storage" };

export default async function OpsStoragePage() {
  await requirePermission("ops.console", "/ops/storage");
  const env = getEnv();
  const rows = await listStorageByCompany(getPrisma());
  const totalBytes = rows.reduce((sum, row) => sum + row.bytes, 0);
  return (
    <>
      <h1>Storage</h1>
      <p className="muted">
        CAD files uploaded per company, largest first: {formatFileSize(totalBytes)} in all. Visitors without
        an account may upload {env.UPLOAD_VISITOR_FILES_PER_HOUR} files per hour and{" "}
        {formatFileSize(env.UPLOAD_VISITOR_BYTES_PER_DAY)} per day (per browser and per address), each file up
        to {formatFileSize(env.UPLOAD_MAX_BYTES)}; their unclaimed parts are deleted after{" "}
        {env.VISITOR_PART_RETENTION_DAYS} days.
      </p>
      {rows.length === 0 ? (
        <p className="muted">Nothing uploaded yet.</p>
      ) : (
        <StackTable columns={["Company", "Parts", "Uploaded", "Last upload"]}>
          {rows.map((row) => (
            <tr key={row.companyId ?? "visitors"} data-testid="storage-row">
              <td data-label="Company">{row.name}</td>
              <td data-label="Parts">{row.parts}</td>
              <td data-label="Uploaded">{formatFileSize(row.bytes)}</td>
              <td data-label="Last upload">{row.lastUploadAt ? formatMoment(row.lastUploadAt) : "–"}</td>
            </tr>
          ))}
        </StackTable>
      )}
      <MissingFiles db={getPrisma()} />
    </>
  );
}

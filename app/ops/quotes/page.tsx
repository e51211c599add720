import type { Metadata } from "next";
import Link from "next/link";
import { formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { formatEuros } from "@/lib/money/format-euros";
import { listManualQuoteRequests, type ManualQuoteRequestRow } from "@/lib/quotes/list-manual-quote-requests";
import { manualQuoteStatusLabels } from "@/lib/quotes/manual-quote-status-labels";
import { defaultTolerance, processNames, toleranceNames } from "@/quoting-engine/catalogue/catalogue";
import { badgeClass } from "@/app/_components/status-badge";

export const metadata: Metadata = { title: "Quote requests" };

function waited(hours: number): string {
  if (hours < 1) return "under an hour";
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

function requester(row: ManualQuoteRequestRow) {
  return row.requestedBy ? (
    <>
      {row.requestedBy.company.name}
      <br />
      <span className="muted">{row.requestedBy.name}</span>
    </>
  ) : (
    <>
      Visitor
      <br />
      <span className="muted">{row.contactEmail}</span>
    </>
  );
}

export default async function OpsQuotesPage() {
  await requirePermission("ops.console", "/ops/quotes");
  const [rows, materials] = await Promise.all([
    listManualQuoteRequests(getPrisma()),
    getPrisma().material.findMany({ select: { code: true, name: true } }),
  ]);
  const materialNames = new Map(materials.map((material) => [material.code, material.name]));
  const open = rows.filter((row) => row.status === "OPEN").length;
  return (
    <>
      <h1>Quote requests</h1>
      <p className="muted">
        Parts the engine could not price. Open the request to see the part, the engine&apos;s findings and a
        suggested price, then send the buyer a quote or decline. We promise an answer within one working day.
      </p>
      {rows.length === 0 ? (
        <p className="card muted" data-testid="no-requests">
          No quote requests yet: when a buyer asks for a price the engine cannot give, it appears here.
        </p>
      ) : (
        <>
          <p>
            <strong>{open === 0 ? "Nothing waits for a price." : `${open} waiting for a price`}</strong>
          </p>
          <StackTable
            columns={[
              "Part",
              "Buyer",
              "Asked for",
              "Status",
              "Waited",
              { label: "Our price", className: "amount" },
            ]}
            className="quote-requests"
          >
            {rows.map((row) => (
              <tr key={row.id} data-testid="quote-request-row">
                <td data-label="Part" className="file-name">
                  <Link href={`/ops/quotes/${row.id}`}>{row.part.originalFileName}</Link>
                  <br />
                  <span className="muted">{formatMoment(row.createdAt)}</span>
                </td>
                <td data-label="Buyer">{requester(row)}</td>
                <td data-label="Asked for">
                  {processNames[row.options.process]},{" "}
                  {materialNames.get(row.options.materialCode) ?? "a material no longer offered"},{" "}
                  {toleranceNames[row.options.tolerance ?? defaultTolerance]}, {row.options.quantity} pcs
                </td>
                <td data-label="Status">
                  {row.answeredQuote?.status === "ORDERED" ? (
                    <span className={badgeClass("ACTIVE")}>Ordered</span>
                  ) : (
                    <span className={badgeClass(row.status)}>{manualQuoteStatusLabels[row.status]}</span>
                  )}
                </td>
                <td data-label="Waited">
                  {row.status === "OPEN"
                    ? waited(row.waitingHours)
                    : `answered in ${waited(row.waitingHours)}`}
                </td>
                <td data-label="Our price" className="amount">
                  {row.answeredQuote ? `${formatEuros(row.answeredQuote.unitPriceCents)}/pc` : "–"}
                </td>
              </tr>
            ))}
          </StackTable>
        </>
      )}
    </>
  );
}

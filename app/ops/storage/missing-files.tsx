import { formatMoment } from "@/app/_components/format-dates";
import { StackTable } from "@/app/_components/stack-table";
import type { Database } from "@/lib/db/prisma";

/**
 * Parts whose stored file the daily storage check (or a checkout) found gone (docs/decisions/0046):
 * partners cannot download them and checkout refuses them; restore the file from a backup or ask the
 * buyer to upload it again.
 */
export async function MissingFiles({ db }: { db: Database }) {
  const parts = await db.part.findMany({
    where: { fileMissingSince: { not: null } },
    orderBy: { fileMissingSince: "desc" },
    take: 200,
    select: {
      id: true,
      originalFileName: true,
      storageKey: true,
      fileMissingSince: true,
      company: { select: { name: true } },
    },
  });
  return (
    <section aria-labelledby="missing-files">
      <h2 id="missing-files">Missing files</h2>
      {parts.length === 0 ? (
        <p className="muted" data-testid="missing-files-none">
          Every part&apos;s file is in storage (checked daily and at checkout).
        </p>
      ) : (
        <>
          <p className="muted">
            These parts&apos; files are gone from storage: restore them from a backup (same key) or ask the
            buyer to upload the file again. Checkout refuses them until then.
          </p>
          <StackTable columns={["Part", "Company", "Storage key", "Missing since"]}>
            {parts.map((part) => (
              <tr key={part.id} data-testid="missing-file-row">
                <td data-label="Part" className="file-name">
                  {part.originalFileName}
                </td>
                <td data-label="Company">{part.company?.name ?? "Visitor"}</td>
                <td data-label="Storage key">
                  <code>{part.storageKey}</code>
                </td>
                <td data-label="Missing since">{formatMoment(part.fileMissingSince!)}</td>
              </tr>
            ))}
          </StackTable>
        </>
      )}
    </section>
  );
}

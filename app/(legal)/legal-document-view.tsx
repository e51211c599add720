import Link from "next/link";
import { formatMoment } from "@/app/_components/format-dates";
import type { LegalDocumentKind } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { legalDocumentLabels } from "@/lib/legal/legal-document-labels";
import { legalTextBlocks } from "@/lib/legal/legal-text-blocks";
import { listLegalDocumentVersions, loadCurrentLegalDocument } from "@/lib/legal/load-legal-documents";
import styles from "./legal.module.css";

/** A legal text's headings and paragraphs (lib/legal/legal-text-blocks.ts), as text. */
export function LegalText({ body }: { body: string }) {
  const blocks = legalTextBlocks(body);
  return (
    <div className={styles.legalText}>
      {blocks.map((block, index) =>
        block.heading ? <h2 key={index}>{block.text}</h2> : <p key={index}>{block.text}</p>,
      )}
    </div>
  );
}

/**
 * The public page of the terms of business or the privacy notice: the current version, or an older one
 * by `?version=N` (orders name the version their buyer accepted), with every version listed.
 */
export async function LegalDocumentView({
  kind,
  requestedVersion,
}: {
  kind: LegalDocumentKind;
  requestedVersion: string | undefined;
}) {
  const db = getPrisma();
  const current = await loadCurrentLegalDocument(db, kind);
  const wanted = Number(requestedVersion);
  const shown =
    Number.isInteger(wanted) && wanted > 0 && wanted !== current.version
      ? await db.legalDocument.findUnique({ where: { kind_version: { kind, version: wanted } } })
      : current;
  const versions = await listLegalDocumentVersions(db, kind);
  const { path } = legalDocumentLabels[kind];
  return (
    <article className={styles.legalPage}>
      <h1>{(shown ?? current).title}</h1>
      {!shown ? (
        <p className="alert error">
          There is no version {requestedVersion}. <Link href={path}>Read the current version</Link>.
        </p>
      ) : (
        <>
          <p className="muted">
            Version {shown.version}, published {formatMoment(shown.publishedAt)}
            {shown.version === current.version ? " · in force now" : ""}.
          </p>
          {shown.version !== current.version && (
            <p className="alert warn">
              This is an earlier version.{" "}
              <Link href={path}>The current one is version {current.version}</Link>.
            </p>
          )}
          <LegalText body={shown.body} />
        </>
      )}
      {versions.length > 1 && (
        <section aria-labelledby="versions-heading" className={styles.versions}>
          <h2 id="versions-heading">All versions</h2>
          <ul>
            {versions.map((version) => (
              <li key={version.version}>
                <Link
                  href={version.version === current.version ? path : `${path}?version=${version.version}`}
                  aria-current={version.version === shown?.version ? "page" : undefined}
                >
                  Version {version.version}
                </Link>{" "}
                <span className="muted">
                  of {formatMoment(version.publishedAt)}
                  {version.version === current.version ? " (current)" : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

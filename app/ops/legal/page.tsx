import type { Metadata } from "next";
import Link from "next/link";
import { formatMoment } from "@/app/_components/format-dates";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { legalDocumentLabels } from "@/lib/legal/legal-document-labels";
import { listLegalDocumentVersions, loadCurrentLegalDocument } from "@/lib/legal/load-legal-documents";
import { PublishLegalForm } from "./publish-legal-form";
import styles from "./ops-legal.module.css";

export const metadata: Metadata = { title: "Terms and privacy notice" };

/** Operations publish new versions of the terms of business and the privacy notice; old ones stay. */
export default async function OpsLegalPage() {
  await requirePermission("ops.console", "/ops/legal");
  const db = getPrisma();
  const kinds = await Promise.all(
    (["TERMS", "PRIVACY"] as const).map(async (kind) => ({
      kind,
      current: await loadCurrentLegalDocument(db, kind),
      versions: await listLegalDocumentVersions(db, kind),
    })),
  );
  return (
    <>
      <h1>Terms and privacy notice</h1>
      <p className="muted">
        Buyers accept the current versions at checkout, and each order records which. A published version
        never changes: publish a new one, and the old ones stay readable on the public pages. The imprint
        comes from the PLATFORM_… settings of the installation.{" "}
        <Link href="/ops/settings">Back to settings</Link>
      </p>
      <div className={styles.legalKinds}>
        {kinds.map(({ kind, current, versions }) => {
          const { name, path } = legalDocumentLabels[kind];
          return (
            <section key={kind} className="card" aria-labelledby={`${kind}-heading`}>
              <h2 id={`${kind}-heading`}>
                {name[0]!.toUpperCase() + name.slice(1)}: version {current.version}
              </h2>
              <ul className={styles.versionList}>
                {versions.map((version) => (
                  <li key={version.version}>
                    <Link href={`${path}?version=${version.version}`}>
                      Version {version.version}: {version.title}
                    </Link>{" "}
                    <span className="muted">
                      · {formatMoment(version.publishedAt)} · {version.publishedBy?.name ?? "demo text"}
                    </span>
                  </li>
                ))}
              </ul>
              <details>
                <summary>Publish a new version</summary>
                <PublishLegalForm kind={kind} name={name} title={current.title} body={current.body} />
              </details>
            </section>
          );
        })}
      </div>
    </>
  );
}

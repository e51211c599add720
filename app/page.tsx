import { formatMoment } from "@/app/_components/format-dates";
import Link from "next/link";
import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { listViewerParts } from "@/lib/parts/list-viewer-parts";
import { pagePartViewer } from "@/lib/parts/page-part-viewer";
import { PartUploadArea } from "./_components/part-upload/part-upload-area";
import styles from "./home.module.css";
import { badgeClass } from "@/app/_components/status-badge";

const statusLabels = {
  UPLOADED: "Queued",
  ANALYZING: "Analysing",
  ANALYZED: "Ready",
  FAILED: "Could not be read",
};

export default async function HomePage() {
  const viewer = await pagePartViewer();
  const parts = await listViewerParts(getPrisma(), viewer, 12);
  const maxUploadBytes = getEnv().UPLOAD_MAX_BYTES;
  return (
    <>
      <section className={styles.hero}>
        <h1>
          Upload a CAD file: see your part in 3D, what is wrong with it, a price and a delivery date in
          seconds.
        </h1>
        <p className="muted">
          CNC milling and turning, laser cutting and sheet metal, and five 3D-printing processes, made by
          audited manufacturing partners with free capacity. No account needed to see prices.
        </p>
      </section>
      <PartUploadArea maxBytes={maxUploadBytes} />
      {parts.length > 0 && (
        <section aria-labelledby="your-parts">
          <h2 id="your-parts">
            {viewer.buyer ? "Your company's recent parts" : "Parts you uploaded in this browser"}
          </h2>
          {!viewer.buyer && (
            <p className="muted">
              <Link href="/sign-up">Create an account</Link> to order them; they move into your account.
            </p>
          )}
          <ul className={styles.partList}>
            {parts.map((part) => (
              <li key={part.id}>
                <Link href={`/parts/${part.id}`}>{part.originalFileName}</Link>
                <span className={badgeClass(part.status)}>{statusLabels[part.status]}</span>
                <span className="muted">{formatMoment(part.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className={styles.steps} aria-label="How it works">
        <div className="card">
          <h3>1 · Upload</h3>
          <p>
            STEP, IGES, BREP, STL, OBJ, 3MF or DXF (flat parts), up to{" "}
            {Math.round((maxUploadBytes / 1024 / 1024) * 10) / 10} MB. See your part in 3D at once.
          </p>
        </div>
        <div className="card">
          <h3>2 · Check</h3>
          <p>
            Thin walls, deep pockets, sharp inner corners and undercuts are marked on the model before you
            pay.
          </p>
        </div>
        <div className="card">
          <h3>3 · Price and date</h3>
          <p>A readable breakdown, price breaks per quantity, and the price of every delivery date.</p>
        </div>
        <div className="card">
          <h3>4 · Made and delivered</h3>
          <p>We place the job with an audited partner and follow it to your door.</p>
        </div>
      </section>
    </>
  );
}

"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatEuros } from "@/lib/money/format-euros";
import { cadFileExtensions } from "@/quoting-engine/catalogue/catalogue";
import { ensureVisitorSession, uploadAndAnalyzePart, type UploadProgress } from "./upload-and-analyze-part";
import styles from "./part-upload.module.css";
import { formatFileSize } from "@/lib/files/format-file-size";
import { checkBeforeSending } from "./check-before-sending";

interface UploadRow extends UploadProgress {
  key: string;
  fileName: string;
  sizeBytes: number;
  /** "Read as STEP (the name had no extension)": a name without a CAD extension, read by its content. */
  formatNote?: string;
}

/**
 * The home page's upload area: drop or pick several CAD files; each gets its own row with a progress bar
 * for the upload and then the analysis, its first price when analysed, or the reason it cannot be read.
 */
export function PartUploadArea({ maxBytes }: { maxBytes: number }) {
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const counter = useRef(0);

  const update = useCallback((key: string, progress: Partial<UploadRow>) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...progress } : row)));
  }, []);

  const start = useCallback(
    (files: FileList | File[]) => {
      for (const file of Array.from(files)) {
        const key = `upload-${counter.current++}`;
        setRows((current) => [
          { key, fileName: file.name, sizeBytes: file.size, phase: "uploading", fraction: 0 },
          ...current,
        ]);
        void checkBeforeSending(file, maxBytes).then(({ refusal, note }) => {
          if (refusal) return update(key, { phase: "failed", message: refusal });
          if (note) update(key, { formatNote: note });
          void uploadAndAnalyzePart(file, (progress) => update(key, progress));
        });
      }
    },
    [update, maxBytes],
  );

  useEffect(() => {
    // The visitor cookie before the first drop, not on its way (docs/decisions/0070).
    void ensureVisitorSession();
    // Dropping a file anywhere on the page must not open it in the browser instead.
    const prevent = (event: DragEvent) => event.preventDefault();
    window.addEventListener("dragover", prevent);
    window.addEventListener("drop", prevent);
    return () => {
      window.removeEventListener("dragover", prevent);
      window.removeEventListener("drop", prevent);
    };
  }, []);

  return (
    <section aria-label="Upload CAD files" className={styles.upload}>
      <div
        className={`${styles.dropzone}${dragging ? ` ${styles.dragging}` : ""}`}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (event.dataTransfer.files.length) start(event.dataTransfer.files);
        }}
      >
        <p className={styles.dropzoneTitle}>Drop CAD files here</p>
        <p className="muted">
          STEP, IGES, BREP, STL, OBJ, 3MF or DXF (flat parts) · up to {formatFileSize(maxBytes)} each ·
          several at once
        </p>
        <button type="button" onClick={() => inputRef.current?.click()}>
          Choose files
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={cadFileExtensions.join(",")}
          className="visually-hidden"
          aria-label="CAD files to upload"
          data-testid="part-file-input"
          onChange={(event) => {
            if (event.target.files?.length) start(event.target.files);
            event.target.value = "";
          }}
        />
      </div>
      {rows.length > 0 && (
        <ul className={styles.uploadList} aria-live="polite">
          {rows.map((row) => (
            <UploadRowView key={row.key} row={row} />
          ))}
        </ul>
      )}
    </section>
  );
}

function UploadRowView({ row }: { row: UploadRow }) {
  const label =
    row.phase === "uploading"
      ? `Uploading ${Math.round(row.fraction * 100)} %`
      : row.phase === "analyzing"
        ? (row.stageLabel ?? "Waiting in line…")
        : row.phase === "done"
          ? "Ready"
          : (row.failureTitle ?? "Could not be read");
  return (
    <li className={`${styles.uploadRow} ${row.phase}`} data-testid="upload-row">
      <div className={styles.uploadRowHead}>
        <strong className="file-name">{row.fileName}</strong>
        <span className="muted">{formatFileSize(row.sizeBytes)}</span>
      </div>
      {(row.phase === "uploading" || row.phase === "analyzing") && (
        <div
          className={`${styles.progress}${row.phase === "analyzing" ? ` ${styles.analysing}` : ""}`}
          role="progressbar"
          aria-label={`${row.fileName}: ${label}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(row.fraction * 100)}
        >
          <span style={{ width: `${Math.max(4, row.fraction * 100)}%` }} />
        </div>
      )}
      <div className={styles.uploadRowStatus}>
        <span data-testid="upload-stage">{label}</span>
        {row.formatNote && (
          <span className="muted" data-testid="upload-format-note">
            {row.formatNote}
          </span>
        )}
        {row.phase === "analyzing" && row.preliminaryPriceCents !== undefined && (
          <span data-testid="preliminary-price">
            from {formatEuros(row.preliminaryPriceCents)} per part{" "}
            <span className="muted">(preliminary: features still being checked)</span>
          </span>
        )}
        {row.phase === "analyzing" && row.notice && (
          <span className="muted" data-testid="upload-notice">
            {row.notice}
          </span>
        )}
        {row.phase === "failed" && <span className="field-error">{row.message}</span>}
        {row.phase === "failed" && row.partId && (
          // The file is stored: an engineer can quote it from the request, which carries the file.
          <Link href={`/parts/${row.partId}#request-quote`} className="button secondary">
            Request a quote for this file
          </Link>
        )}
        {row.phase === "done" && row.partId && (
          <>
            <span data-testid="first-price">
              {row.fromPriceCents !== undefined
                ? `from ${formatEuros(row.fromPriceCents)} per part (${row.fromProcess}${
                    row.fromSurchargeCents
                      ? `, with ${formatEuros(row.fromSurchargeCents)} small-order surcharge on one piece`
                      : ""
                  })`
                : "needs a quote from an engineer"}
            </span>
            {row.changedFromCents !== undefined && (
              <span className="muted" data-testid="price-changed">
                was {formatEuros(row.changedFromCents)} before features were checked
              </span>
            )}
            <Link href={`/parts/${row.partId}`} className="button">
              See price and options
            </Link>
          </>
        )}
      </div>
    </li>
  );
}

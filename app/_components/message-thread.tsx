import { formatDeadline } from "@/lib/dates/format-deadline";
import type { JobMessageView } from "@/lib/messages/load-job-messages";
import styles from "./message-thread.module.css";

const sideLabels: Record<string, string> = {
  SUPPLIER: "Partner",
  BUYER: "Buyer",
  OPERATIONS: "Operations",
};

/**
 * A job's messages, oldest first. Each reader sees the other side as "Partner", "Buyer" or "Operations"
 * (names only for operations: `authorName` is null otherwise); `ourSide` marks the reader's own.
 */
export function MessageThread({
  messages,
  ourSide,
  empty,
  labelledBy,
}: {
  messages: JobMessageView[];
  ourSide: string;
  empty: string;
  labelledBy: string;
}) {
  if (messages.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className={styles.thread} aria-labelledby={labelledBy}>
      {messages.map((message) => (
        <li
          key={message.id}
          className={`${styles.message} ${message.authorSide === ourSide ? styles.ours : ""}`}
          data-testid="job-message"
        >
          <span className={styles.meta}>
            {message.authorSide === ourSide ? "You" : (sideLabels[message.authorSide] ?? "Operations")}
            {message.authorName ? ` (${message.authorName})` : ""} · {formatDeadline(message.createdAt)}
            {message.forwardedFromId ? " · passes on the buyer's question" : ""}
          </span>
          <p className={styles.text}>{message.text}</p>
        </li>
      ))}
    </ol>
  );
}

/** A complaint's photos as thumbnails linking to the full photo (served by the guarded photo route). */
export function ComplaintPhotos({
  complaintId,
  count,
  prefix,
  label,
}: {
  complaintId: string;
  count: number;
  prefix: "b" | "p";
  label: string;
}) {
  if (count === 0) return null;
  return (
    <ul className={styles.photos} aria-label={label}>
      {Array.from({ length: count }, (_, index) => {
        const href = `/api/v1/complaints/${complaintId}/photos/${prefix}${index}`;
        return (
          <li key={index}>
            <a href={href} target="_blank" rel="noopener">
              {/* eslint-disable-next-line @next/next/no-img-element -- a guarded, uncached private file */}
              <img className={styles.photo} src={href} alt={`${label}, photo ${index + 1}`} loading="lazy" />
            </a>
          </li>
        );
      })}
    </ul>
  );
}

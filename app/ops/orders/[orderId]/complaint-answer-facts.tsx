import { ComplaintPhotos } from "@/app/_components/message-thread";
import { formatDeadline } from "@/lib/dates/format-deadline";
import styles from "./ops-order.module.css";

type ComplaintWithAnswer = {
  id: string;
  status: string;
  photoStorageKeys: string[];
  partnerAnswer: string | null;
  partnerAnswerPhotoKeys: string[];
  partnerAnsweredAt: Date | null;
  partnerAnswerDueAt: Date | null;
  earlyDecisionReason: string | null;
};

/**
 * What operations read before deciding a complaint: the buyer's photos, then the partner's answer with
 * its photos, or until when the partner may still answer (docs/decisions/0042).
 */
export function ComplaintAnswerFacts({ complaint }: { complaint: ComplaintWithAnswer }) {
  const due = complaint.partnerAnswerDueAt;
  return (
    <>
      <ComplaintPhotos
        complaintId={complaint.id}
        count={complaint.photoStorageKeys.length}
        prefix="b"
        label="The buyer's photos"
      />
      {complaint.partnerAnsweredAt ? (
        <div data-testid="partner-answer">
          <h4>The partner&apos;s answer, {formatDeadline(complaint.partnerAnsweredAt)}</h4>
          <blockquote className={styles.complaintText}>{complaint.partnerAnswer}</blockquote>
          <ComplaintPhotos
            complaintId={complaint.id}
            count={complaint.partnerAnswerPhotoKeys.length}
            prefix="p"
            label="The partner's photos"
          />
        </div>
      ) : complaint.status === "OPEN" ? (
        <p className="hint" data-testid="partner-answer">
          {due && due > new Date()
            ? `The partner has not answered yet; it may until ${formatDeadline(due)}.`
            : `The partner did not answer${due ? ` by ${formatDeadline(due)}` : ""}; you may decide.`}
        </p>
      ) : null}
      {complaint.earlyDecisionReason && (
        <p className="hint">Decided before the partner&apos;s answer: {complaint.earlyDecisionReason}</p>
      )}
    </>
  );
}

import type { QualityDocumentKind } from "@/lib/db/generated/enums";
import { qualityDocumentLabels } from "@/lib/quality-documents/quality-document-kinds";

/**
 * Issue 21 (i21-quality): the quality documents the buyer asked for, as facts of an offer or a job, so the
 * partner knows before accepting what it must upload before shipping. Nothing when none were asked for.
 */
export function RequiredDocumentsFacts({ kinds }: { kinds: readonly QualityDocumentKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <>
      <dt>Quality documents asked for</dt>
      <dd data-testid="required-quality-documents">
        {kinds.map((kind) => qualityDocumentLabels[kind]).join(", ")} (upload before shipping)
      </dd>
    </>
  );
}

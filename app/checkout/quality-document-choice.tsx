import type { useFormAction } from "@/lib/forms/use-form-action";
import {
  qualityDocumentHints,
  qualityDocumentKinds,
  qualityDocumentLabels,
} from "@/lib/quality-documents/quality-document-kinds";

/**
 * Issue 21 (i21-quality): the quality documents the buyer wants with the parts; every line's partner
 * sees the choice before accepting and uploads them before shipping (docs/decisions/0043).
 */
export function QualityDocumentChoice({ form }: { form: ReturnType<typeof useFormAction> }) {
  const error = form.error("requiredQualityDocuments");
  return (
    <>
      <span className="hint" id="quality-documents-hint">
        Quality documents with every part (the partner uploads them before shipping; you download them from
        the order page):
      </span>
      <div className="checks" role="group" aria-labelledby="quality-documents-hint">
        {qualityDocumentKinds.map((kind) => (
          <label key={kind} title={qualityDocumentHints[kind]}>
            <input
              type="checkbox"
              name="requiredQualityDocuments"
              value={kind}
              defaultChecked={form.values("requiredQualityDocuments")?.includes(kind)}
            />{" "}
            {qualityDocumentLabels[kind]}
          </label>
        ))}
      </div>
      {error && <span className="field-error">{error}</span>}
    </>
  );
}

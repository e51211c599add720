import type { QualityDocumentKind } from "../db/generated/enums";
import { uploadFileRules } from "../forms/upload-file-rules";

/** What each quality document is called, everywhere it is shown. */
export const qualityDocumentLabels: Record<QualityDocumentKind, string> = {
  INSPECTION_REPORT: "Inspection report",
  CERTIFICATE_OF_CONFORMITY: "Certificate of conformity",
  MATERIAL_CERTIFICATE_3_1: "Material certificate 3.1 (EN 10204)",
};

/** What the buyer reads at checkout next to each choice. */
export const qualityDocumentHints: Record<QualityDocumentKind, string> = {
  INSPECTION_REPORT: "The partner's measurements of the part's dimensions.",
  CERTIFICATE_OF_CONFORMITY: "The partner confirms the parts were made as ordered.",
  MATERIAL_CERTIFICATE_3_1:
    "The material maker's inspection certificate 3.1 per EN 10204 for the stock the parts are made of.",
};

export const qualityDocumentKinds = Object.keys(qualityDocumentLabels) as [
  QualityDocumentKind,
  ...QualityDocumentKind[],
];

/** File types each document may have: a report may be photos of the measurements; certificates are PDFs. */
export const qualityDocumentFileTypes: Record<QualityDocumentKind, readonly string[]> = {
  INSPECTION_REPORT: ["application/pdf", "image/png", "image/jpeg"],
  CERTIFICATE_OF_CONFORMITY: ["application/pdf"],
  MATERIAL_CERTIFICATE_3_1: ["application/pdf"],
};

export const maxQualityDocumentBytes = uploadFileRules.qualityDocument.maxBytes;

/** "A and B", "A, B and C": the documents in one sentence. */
export function listDocumentLabels(kinds: readonly QualityDocumentKind[]): string {
  const labels = kinds.map((kind) => qualityDocumentLabels[kind].replace(/^./, (c) => c.toLowerCase()));
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}

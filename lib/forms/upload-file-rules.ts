import type { ChosenFilesRule } from "./chosen-files-refusal";

const megabytes = (count: number) => count * 1024 * 1024;

/**
 * The file inputs of the app's forms and what their server actions take (decision 0080), in one place the
 * browser may read: each lib function checks its files with the same rule (or its own stricter reading of
 * the bytes), and lib/security/action-body-limits.ts sizes each action's body from these limits.
 */
export const uploadFileRules = {
  /** Complaint photos and the partner's answer to a complaint (decision 0076). */
  complaintPhotos: {
    maxBytes: megabytes(10),
    maxFiles: 5,
    pluralNoun: "photos",
    tooLargeAdvice: "attach a smaller photo.",
  },
  /** The drawing sent with a request for a manual quote. */
  drawing: {
    maxBytes: megabytes(20),
    types: {
      extensions: [".pdf", ".dxf", ".dwg", ".png", ".jpg", ".jpeg", ".tif", ".tiff"],
      refusal: (fileName: string) =>
        `"${fileName}" is not a drawing we read; attach PDF, DXF, DWG or an image.`,
    },
  },
  /** A certificate's scan on the partner's profile, and operations' audit evidence. */
  scan: {
    maxBytes: megabytes(10),
    types: {
      mimeTypes: ["application/pdf", "image/png", "image/jpeg"],
      refusal: (fileName: string) => `"${fileName}" is not a PDF, PNG or JPEG file; attach one of those.`,
    },
  },
  /** A job's quality document; which types depends on the document, checked by the server. */
  qualityDocument: { maxBytes: megabytes(10) },
  /** A bank statement operations import. */
  bankStatement: { maxBytes: megabytes(10), tooLargeAdvice: "export a shorter period." },
} as const satisfies Record<string, ChosenFilesRule>;

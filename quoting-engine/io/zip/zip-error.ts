/**
 * Why a ZIP archive or one of its entries could not be read. The reader of a format built on ZIP (3MF)
 * turns these into its own words for the user.
 *
 * - `damaged`: no end-of-central-directory record, a record or entry that runs past the end of the bytes,
 *   a wrong signature, corrupt Deflate data, a size or checksum that does not match the data.
 * - `encrypted`: the entry is encrypted (general-purpose flag bit 0).
 * - `unsupported_method`: the entry is neither stored (0) nor deflated (8).
 * - `too_large`: the entry declares, or actually inflates to, more bytes than the caller allows.
 */
export type ZipErrorReason = "damaged" | "encrypted" | "unsupported_method" | "too_large";

export class ZipError extends Error {
  constructor(
    readonly reason: ZipErrorReason,
    /** The entry concerned, when the failure is one entry's. */
    readonly entryName?: string,
    /** For `unsupported_method`: the compression method found. */
    readonly method?: number,
  ) {
    super(`ZIP archive ${reason.replace("_", " ")}${entryName === undefined ? "" : ` (${entryName})`}`);
  }
}

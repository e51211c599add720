import { formatFileSize } from "../files/format-file-size";
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { AppError } from "../errors/app-error";

/** Passes bytes through while counting and hashing them; errors as soon as the limit is passed. */
export class SizeLimitedHashingStream extends Transform {
  private readonly hash = createHash("sha256");
  sizeBytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sizeBytes += chunk.length;
    if (this.sizeBytes > this.maxBytes) {
      callback(
        new AppError(
          "payload_too_large",
          `The file is larger than the limit of ${formatFileSize(this.maxBytes)}. Reduce it (e.g. export without ` +
            `embedded textures or at a coarser tessellation) or ask us for a manual quote.`,
          { maxBytes: this.maxBytes },
        ),
      );
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  sha256(): string {
    return this.hash.digest("hex");
  }
}

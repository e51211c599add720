import type { EngineErrorCode } from "../cad-model";
import { ZipError } from "../zip/zip-error";

export const DAMAGED_ARCHIVE =
  "This .3mf file is damaged or is not a 3MF file: its ZIP archive can't be read. " +
  "Export it again from your CAD or slicer program and upload the new file.";

/** An expected failure raised inside the streaming callbacks and turned into a value at the top. */
export class ReadFailure extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function malformed(message: string): ReadFailure {
  return new ReadFailure("malformed", message);
}

export interface Budget {
  limitBytes: number;
  usedBytes: number;
  maxTriangles: number;
  /** Read so far, over every model part (a vertex costs as much as a triangle's three corners). */
  triangles: number;
  vertices: number;
}

export function tooManyTriangles(budget: Budget, what: "triangles" | "vertices"): ReadFailure {
  const limit = what === "triangles" ? budget.maxTriangles : budget.maxTriangles * 3;
  return new ReadFailure(
    "too_large",
    `This .3mf file holds more than ${limit.toLocaleString("en")} ${what}, more than we analyse per file. ` +
      "Reduce the mesh resolution (a coarser export or decimation) or split the model into several files.",
  );
}

export function tooLarge(budget: Budget): ReadFailure {
  return new ReadFailure(
    "too_large",
    `This .3mf file unpacks to more than ${formatBytes(budget.limitBytes)} of model data, more than we can process. ` +
      "Reduce the mesh resolution or split the model into several files and upload them separately.",
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** A ZIP layer failure in the words of a .3mf upload. */
export function fromZipError(error: ZipError, budget: Budget): ReadFailure {
  switch (error.reason) {
    case "encrypted":
      return new ReadFailure(
        "unsupported_format",
        `The part "${error.entryName}" of this .3mf file is encrypted, which we can't read. Export it again without a password.`,
      );
    case "unsupported_method":
      return new ReadFailure(
        "unsupported_format",
        `The part "${error.entryName}" of this .3mf file uses a ZIP compression method (${error.method}) we can't read. ` +
          "Export it again with standard (Deflate) compression.",
      );
    case "too_large":
      return tooLarge(budget);
    case "damaged":
      return malformed(DAMAGED_ARCHIVE);
  }
}

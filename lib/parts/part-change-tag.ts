/**
 * What the upload row shows of a part, as one string ("ANALYZING|measuring||preliminary"): the page sends
 * the one it shows, and the server answers when the part's differs (lib/parts/wait-for-part-changes.ts).
 * The same function on both sides, over the part as GET /api/v1/parts/{id} answers it.
 */
export function partChangeTag(part: {
  status: string;
  analysisStage?: string;
  filesAhead?: number;
  preliminary?: boolean;
}): string {
  return [
    part.status,
    part.analysisStage ?? "",
    part.filesAhead ?? "",
    part.preliminary ? "preliminary" : "",
  ].join("|");
}

/** The cheapest price of one piece over all processes, from the measurement before features when preliminary. */
export interface CheapestPiecePrice {
  /** With the small-order surcharge one piece would carry. */
  cents: number;
  surchargeCents: number;
  /** The process's code (the catalogue's `manufacturingProcesses`). */
  process: string;
  preliminary: boolean;
}

import type { CheapestPiecePrice } from "@/lib/parts/part-change-tag";

/** A part as the upload row follows it (GET /api/v1/parts/{id} without the analysis). */
export interface FollowedPart {
  status: string;
  analysisDeadlineAt?: string;
  analysisStage?: string;
  filesAhead?: number;
  preliminary?: boolean;
  failure?: { code?: string; message?: string };
}

export type NextPartChange =
  | { kind: "part"; part: FollowedPart; cheapest?: CheapestPiecePrice | null }
  /** Nothing changed within the wait: the row looks at its deadline and asks again. */
  | { kind: "unchanged" }
  /** A network error or a 5xx: the service (restarting, busy), not the file. */
  | { kind: "unavailable" }
  | { kind: "gone" };

/** How long one request waits on the server for a change (POST /api/v1/parts/changes). */
const waitForChangeMs = 8_000;

const waiting = new Map<string, { tag: string; resolve: (change: NextPartChange) => void }>();
let asking: AbortController | undefined;
let following = false;

/**
 * The part's next state once it differs from `tag` (lib/parts/part-change-tag.ts; "" for "not seen
 * yet": answered at once), with its cheapest price once it has a report (docs/decisions/0070). Every row
 * of the page waits in one long poll, asked again with the new set when a row joins, so the rows never
 * hold more than one of the browser's connections to the server.
 */
export function nextPartChange(partId: string, tag: string): Promise<NextPartChange> {
  return new Promise((resolve) => {
    waiting.set(partId, { tag, resolve });
    asking?.abort();
    if (!following) void followWaitingParts();
  });
}

async function followWaitingParts(): Promise<void> {
  following = true;
  try {
    while (waiting.size > 0) {
      const asked = [...waiting].map(([id, { tag }]) => ({ id, tag }));
      const controller = new AbortController();
      asking = controller;
      let changes: { id: string; part?: FollowedPart; gone?: true; cheapest?: CheapestPiecePrice | null }[];
      try {
        const response = await fetch("/api/v1/parts/changes", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ parts: asked, waitForChangeMs }),
          cache: "no-store",
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        changes = ((await response.json()) as { changes: typeof changes }).changes;
      } catch {
        // Asked again with a row that joined; otherwise the service did not answer.
        if (controller.signal.aborted) continue;
        answer(asked, () => ({ kind: "unavailable" }));
        continue;
      }
      for (const change of changes)
        answer([change], () =>
          change.part
            ? {
                kind: "part",
                part: change.part,
                ...(change.cheapest !== undefined && { cheapest: change.cheapest }),
              }
            : { kind: "gone" },
        );
      if (changes.length === 0) answer(asked, () => ({ kind: "unchanged" }));
      // The answered rows ask again with their new tags in this turn, so they go out in one request.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    following = false;
    asking = undefined;
  }
}

/** Resolves the rows that asked, unless they have asked again since (a newer tag). */
function answer(asked: { id: string; tag?: string }[], change: () => NextPartChange): void {
  for (const { id, tag } of asked) {
    const row = waiting.get(id);
    if (!row || (tag !== undefined && row.tag !== tag)) continue;
    waiting.delete(id);
    row.resolve(change());
  }
}

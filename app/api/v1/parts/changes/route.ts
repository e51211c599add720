import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-limited-body";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { resolvePartViewer } from "@/lib/parts/resolve-part-viewer";
import { maxPartChangeWaitMs, waitForPartChanges } from "@/lib/parts/wait-for-part-changes";

const body = z.object({
  parts: z
    .array(z.object({ id: z.string().min(1).max(64), tag: z.string().max(200) }))
    .min(1)
    .max(50),
  waitForChangeMs: z.number().int().min(0).max(maxPartChangeWaitMs).default(0),
});

/**
 * The upload rows' long poll (docs/decisions/0070): `{ parts: [{ id, tag }], waitForChangeMs }`, each tag
 * what the page shows of the part (lib/parts/part-change-tag.ts). Answers `{ changes }` as soon as any of
 * the parts has changed (each changed part's state, with its cheapest price once it has a report), or an
 * empty list after `waitForChangeMs`. One request for all of a page's rows, so that rows waiting for their
 * analysis do not hold the browser's few connections to the server.
 */
export const POST = apiRoute(async ({ request }) => {
  const parsed = body.safeParse(await readJsonBody(request));
  if (!parsed.success)
    throw new AppError(
      "validation_failed",
      "Send { parts: [{ id, tag }] } (1 to 50 parts) and waitForChangeMs (0 to 10000).",
    );
  const changes = await waitForPartChanges(getPrisma(), await resolvePartViewer(request), parsed.data.parts, {
    waitMs: parsed.data.waitForChangeMs,
    signal: request.signal,
  });
  return Response.json({ changes }, { headers: { "cache-control": "no-store" } });
});

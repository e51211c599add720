import { z } from "zod";
import { manufacturingProcesses } from "@/quoting-engine/analysis/dfm-rules";
import { apiRoute } from "@/lib/api/api-route";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { findViewablePart } from "@/lib/parts/find-viewable-part";
import { resolvePartViewer } from "@/lib/parts/resolve-part-viewer";
import { priceStoredPart } from "@/lib/quotes/price-stored-part";

const compareBody = z.object({ compare: z.literal(true), quantity: z.number().int().min(1).max(100_000) });
const optionsBody = z.object({
  compare: z.literal(false).optional(),
  process: z.enum(manufacturingProcesses),
  materialCode: z.string().min(1).max(64),
  finishCode: z.string().min(1).max(64).optional(),
  tolerance: z.enum(["fine", "medium", "coarse", "tighter"]).optional(),
  quantity: z.number().int().min(1).max(100_000),
  deliveryDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/**
 * Prices a part for one set of options (or every process, with `compare: true`) from its stored
 * analysis. Answers the engine's quote: a price, `needsManualQuote` with reasons, or `{ ok: false }`.
 */
export const POST = apiRoute<{ partId: string }>(async ({ request, params }) => {
  const json: unknown = await request.json().catch(() => undefined);
  const wantsComparison =
    typeof json === "object" && json !== null && (json as { compare?: unknown }).compare === true;
  const parsed = (wantsComparison ? compareBody : optionsBody).safeParse(json);
  if (!parsed.success)
    throw new AppError(
      "validation_failed",
      `The quote options are invalid: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"} ${issue.message}`).join("; ")}.`,
    );
  const db = getPrisma();
  const part = await findViewablePart(db, params.partId, await resolvePartViewer(request));
  const today = new Date().toISOString().slice(0, 10);
  return Response.json(await priceStoredPart(db, part, parsed.data, today), {
    headers: { "cache-control": "no-store" },
  });
});

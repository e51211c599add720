import { apiRoute } from "@/lib/api/api-route";
import { getPrisma } from "@/lib/db/prisma";
import { checkHealth } from "@/lib/health/check-health";
import { getFileStorage } from "@/lib/storage/get-file-storage";

export const dynamic = "force-dynamic";

/**
 * Readiness for a process manager or load balancer: 200 when the database, the job workers and the file
 * storage answer, 503 naming the parts that are down (docs/decisions/0046). `/api/v1/health` stays the
 * plain liveness check.
 */
export const GET = apiRoute(async () => {
  const health = await checkHealth(getPrisma(), getFileStorage());
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});

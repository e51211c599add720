import { apiRoute } from "@/lib/api/api-route";
import { getPrisma } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the start script's checks. */
export const GET = apiRoute(async () => {
  await getPrisma().$queryRaw`SELECT 1`;
  return Response.json({ status: "ok", database: "ok" });
});

import { apiRoute } from "@/lib/api/api-route";
import { requireApiArea } from "@/lib/auth/current-user";
import { listSuppliers } from "@/lib/companies/list-suppliers";
import { getPrisma } from "@/lib/db/prisma";

export const GET = apiRoute(async () => {
  await requireApiArea("ops");
  return Response.json({ suppliers: await listSuppliers(getPrisma()) });
});

import { apiRoute } from "@/lib/api/api-route";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { listSuppliers } from "@/lib/companies/list-suppliers";
import { getPrisma } from "@/lib/db/prisma";

export const GET = apiRoute(async () => {
  await requireApiPermission("ops.console");
  return Response.json({ suppliers: await listSuppliers(getPrisma()) });
});

import { apiRoute } from "@/lib/api/api-route";
import { requireApiPermission } from "@/lib/auth/require-permission";

export const GET = apiRoute(async () => {
  const user = await requireApiPermission("account.signedIn");
  return Response.json({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    company: { id: user.company.id, name: user.company.name, kind: user.company.kind },
  });
});

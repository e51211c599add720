import { apiRoute } from "@/lib/api/api-route";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";

export const GET = apiRoute(async () => {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to use this endpoint.");
  return Response.json({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    company: { id: user.company.id, name: user.company.name, kind: user.company.kind },
  });
});

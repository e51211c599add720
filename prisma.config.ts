import { defineConfig } from "prisma/config";

// Prisma's CLI is used only for `prisma generate` (the migration engine cannot be downloaded on these
// machines); migrations are applied by scripts/db-migrate.ts. See docs/decisions/0001-database-and-migrations.md.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});

// Runs `prisma generate` (after every npm install). Prisma's CLI wants its schema-engine binary even for
// generate and would download it from Prisma's servers, which these machines cannot reach; generate never
// runs it, so it is pointed at a stand-in that explains itself if anything ever does.
import { spawnSync } from "node:child_process";
import path from "node:path";

const standIn = path.resolve("scripts/no-schema-engine.sh");
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? standIn },
});
process.exit(result.status ?? 1);

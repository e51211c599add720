import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Loads .env into process.env (variables already set win). On a fresh clone there is no .env yet:
 * it is created from .env.example with a new random AUTH_SECRET, so `npm start` works with no setup.
 */
export function loadDotEnv(): void {
  if (!existsSync(".env") && existsSync(".env.example")) {
    const example = readFileSync(".env.example", "utf8");
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(".env", example.replace(/^AUTH_SECRET=.*$/m, `AUTH_SECRET=${secret}`), { mode: 0o600 });
    console.log("Created .env from .env.example with a new AUTH_SECRET.");
  }
  if (existsSync(".env")) process.loadEnvFile(".env");
}

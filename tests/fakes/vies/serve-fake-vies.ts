// Runs the fake VIES as its own process, for Playwright's webServer list:
//   tsx tests/fakes/vies/serve-fake-vies.ts
// FAKE_VIES_PORT (12303); FAKE_VIES_NOT_VALID and FAKE_VIES_UNAVAILABLE: comma-separated VAT IDs VIES
// calls not valid, or cannot check now (MS_UNAVAILABLE); every other ID is confirmed. GET /health answers 200.
import { startFakeVies } from "./fake-vies";

const port = Number(process.env.FAKE_VIES_PORT ?? 12303);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`[fake-vies] FAKE_VIES_PORT is not a port: ${port}`);
  process.exit(1);
}
const fake = await startFakeVies({ port });
const list = (name: string) =>
  (process.env[name] ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
for (const id of list("FAKE_VIES_NOT_VALID")) fake.answer(id, "not_valid");
for (const id of list("FAKE_VIES_UNAVAILABLE")) fake.answer(id, "MS_UNAVAILABLE");
process.stdout.write(`[fake-vies] listening on ${fake.checkUrl}\n`);

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void fake.close().then(() => process.exit(0));
  });

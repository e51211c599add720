import { afterAll, expect } from "vitest";
// Integration tests run with a complete, valid environment so code under test can read getEnv().
process.env.AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
process.env.LOG_LEVEL ??= "silent";
Object.assign(process.env, { NODE_ENV: "test" });
// No test asks the real VIES: a closed local port answers "unreachable" at once. Tests that need answers
// start tests/fakes/vies and point VIES_URL at it.
process.env.VIES_URL ??= "http://127.0.0.1:9/taxation_customs/vies/rest-api/check-vat-number";
process.env.VIES_TIMEOUT_MS ??= "2000";

// A transaction's statements go one after another (lib/db/transaction-queries-in-turn.ts): pg warns when a
// query is sent while another is still queued on its connection, and pg 9 refuses it. Any test file that
// makes pg warn fails, whichever code sent the overlapping statement.
const overlappingQueryWarnings: Error[] = [];
process.on("warning", (warning) => {
  if (warning.name === "DeprecationWarning" && warning.message.includes("already executing a query")) {
    overlappingQueryWarnings.push(warning);
  }
});
afterAll(() => {
  expect(
    overlappingQueryWarnings.map((warning) => warning.message),
    "a statement was sent on a connection still busy with another (a Promise.all inside a transaction?)",
  ).toEqual([]);
});

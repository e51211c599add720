// Integration tests run with a complete, valid environment so code under test can read getEnv().
process.env.AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
process.env.LOG_LEVEL ??= "silent";
Object.assign(process.env, { NODE_ENV: "test" });
// No test asks the real VIES: a closed local port answers "unreachable" at once. Tests that need answers
// start tests/fakes/vies and point VIES_URL at it.
process.env.VIES_URL ??= "http://127.0.0.1:9/taxation_customs/vies/rest-api/check-vat-number";
process.env.VIES_TIMEOUT_MS ??= "2000";

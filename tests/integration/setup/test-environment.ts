// Integration tests run with a complete, valid environment so code under test can read getEnv().
process.env.AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
process.env.LOG_LEVEL ??= "silent";
Object.assign(process.env, { NODE_ENV: "test" });

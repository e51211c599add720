"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While the page waits for work elsewhere (a part's analysis, Stripe's payment confirmation), reloads the
 * page's data every `everyMs`; the server stops rendering it once the wait is over.
 */
export function PageRefresher({ everyMs = 1000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}

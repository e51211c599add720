"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While the part is analysed, reloads the page's data every second until the analysis is done. */
export function PartStatusPoller() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}

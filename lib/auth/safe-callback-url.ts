const thisSite = "http://this-site.invalid";

/**
 * The path to return to after signing in or up, or undefined when it could lead anywhere but this site:
 * an open redirect after sign-in would help phishing. Browsers read a backslash as a slash and drop tabs
 * and line breaks from URLs, so `/\evil.example` and `/<tab>/evil.example` go to evil.example (walk 7):
 * such characters are refused, and what is left must resolve to a path on this site.
 */
export function safeCallbackUrl(url: string | undefined): string | undefined {
  if (!url?.startsWith("/") || url.startsWith("//")) return undefined;
  if (/[\\\u0000-\u001f\u007f]/.test(url)) return undefined;
  const resolved = new URL(url, thisSite);
  return resolved.origin === thisSite ? url : undefined;
}

import { appUrl } from "../env";

/**
 * Whether an e-mail's text carries an absolute link into the app (`<APP_URL>/<path>`): every e-mail the
 * app sends says what happened and links to the page where the reader sees it or acts on it (issue 21).
 * queueEmail checks it at run time; email-links.test.ts checks that every call site builds one.
 */
export function hasPageLink(text: string, base = appUrl()): boolean {
  let at = text.indexOf(`${base}/`);
  while (at >= 0) {
    // The path must have at least one character: "https://example.com/" alone is the home page, fine too,
    // but "https://example.com/ " at a sentence end is as well; any following non-space counts as a page.
    const next = text[at + base.length + 1];
    if (next !== undefined && !/\s/.test(next)) return true;
    at = text.indexOf(`${base}/`, at + 1);
  }
  return false;
}

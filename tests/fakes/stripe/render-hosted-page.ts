import { escapeHtml } from "./escape-html";

// Inline only: the pages must work without any other request, on a closed network.
const styles = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1f36; background: #f6f9fc; }
header { background: #ffde92; color: #1a1f36; text-align: center; font-size: 0.875rem; padding: 0.25rem 1rem; }
main { max-width: 30rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0 1.25rem; }
h2 { font-size: 1.125rem; margin: 0 0 0.5rem; }
section, form { background: #fff; border: 1px solid #d5dbe1; border-radius: 0.5rem; padding: 1rem; margin-bottom: 1rem; }
ul { list-style: none; margin: 0; padding: 0; }
li { display: flex; gap: 0.5rem; justify-content: space-between; padding: 0.5rem 0; border-bottom: 1px solid #e3e8ee; }
.quantity { color: #4f566b; white-space: nowrap; }
.total { display: flex; justify-content: space-between; font-weight: 600; margin: 0.75rem 0 0; }
label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
input { width: 100%; font: inherit; padding: 0.625rem 0.75rem; border: 1px solid #8792a2; border-radius: 0.375rem; background: #fff; color: inherit; }
input:focus, button:focus, a:focus { outline: 3px solid #635bff; outline-offset: 2px; }
input[aria-invalid="true"] { border-color: #b3261e; }
fieldset { border: 0; margin: 1rem 0 0; padding: 0; }
legend { font-weight: 600; padding: 0; margin-top: 0.75rem; }
.row { display: flex; gap: 0.75rem; }
.row > div { flex: 1; }
button { width: 100%; margin-top: 1.25rem; font: inherit; font-weight: 600; padding: 0.75rem; border: 0; border-radius: 0.375rem; background: #635bff; color: #fff; cursor: pointer; }
.error { color: #8c1d18; background: #fdecea; border: 1px solid #b3261e; border-radius: 0.375rem; padding: 0.5rem 0.75rem; margin: 0 0 0.5rem; }
.hint { color: #4f566b; font-size: 0.875rem; }
a { color: #4338ca; }
`;

/** A complete page in the fake's style: a test-mode banner over one main column, readable on a phone. */
export function renderHostedPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<header><p style="margin:0">Test mode: a local fake of Stripe, no money moves</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

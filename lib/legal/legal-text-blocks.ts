/**
 * A legal text's body as headings and paragraphs: blocks are separated by blank lines, and a line
 * starting with "## " is a heading (the lines after it in the same block are its first paragraph).
 * Plain text only, rendered as React text, so nothing in a body can become HTML.
 */
export function legalTextBlocks(body: string): { heading: boolean; text: string }[] {
  return body
    .replaceAll("\r\n", "\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .flatMap((block) => {
      if (!block.startsWith("## ")) return [{ heading: false, text: block }];
      const [headingLine, ...rest] = block.split("\n");
      const paragraph = rest.join("\n").trim();
      return [
        { heading: true, text: headingLine!.slice(3).trim() },
        ...(paragraph ? [{ heading: false, text: paragraph }] : []),
      ];
    });
}

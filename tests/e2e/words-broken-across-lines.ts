import type { Locator } from "@playwright/test";

/**
 * The words of the elements' own text that the browser broke across two lines (a label set in a column too
 * narrow for it, "manufactu-ring"), measured by the rectangles of each word's text range.
 */
export async function wordsBrokenAcrossLines(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((nodes) => {
    const broken: string[] = [];
    for (const node of nodes)
      for (const text of node.childNodes) {
        if (text.nodeType !== Node.TEXT_NODE) continue;
        const data = (text as Text).data;
        for (const word of data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          const lineTops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lineTops.size > 1) broken.push(word[0]);
        }
      }
    return broken;
  });
}

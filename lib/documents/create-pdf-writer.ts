import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatEuros } from "../money/format-euros";
import { platformLegalDetails } from "./platform-legal-details";

/** The standard PDF fonts speak WinAnsi only: anything else becomes its nearest plain character. */
export function winAnsi(text: string): string {
  return text
    .replace(/[\u2212\u2013\u2014]/g, "-")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/[^\x20-\x7e\u00a0-\u00ff\u20ac]/g, "?");
}

const a4 = [595.28, 841.89] as [number, number];
const topY = 790;
const ink = rgb(0.1, 0.12, 0.16);

/**
 * An A4 document written top-down with PDF's built-in Helvetica (nothing to download): `y` is the
 * baseline of the next line in points and callers move it down; `write` and `right` put text at a left or
 * right edge, `paragraph` wraps within the margins (50–545 pt), `rule` draws a thin line, `newPageBelow`
 * starts a page when the cursor is below a height. The methods are bound, so they can be destructured.
 */
export class PdfWriter {
  y = topY;
  page: PDFPage;

  constructor(
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = pdf.addPage(a4);
  }

  write = (text: string, x: number, size = 10, useFont: PDFFont = this.font) => {
    this.page.drawText(winAnsi(text), { x, y: this.y, size, font: useFont, color: ink });
  };

  right = (text: string, xRight: number, size = 10, useFont: PDFFont = this.font) => {
    this.write(text, xRight - useFont.widthOfTextAtSize(winAnsi(text), size), size, useFont);
  };

  paragraph = (text: string, size = 10, useFont: PDFFont = this.font) => {
    let line = "";
    for (const word of winAnsi(text).split(" ")) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && useFont.widthOfTextAtSize(candidate, size) > 495) {
        this.write(line, 50, size, useFont);
        this.y -= size + 3;
        line = word;
      } else line = candidate;
    }
    if (line) this.write(line, 50, size, useFont);
    this.y -= size + 3;
  };

  rule = (fromX = 50, toX = 545, atY = this.y) => {
    this.page.drawLine({
      start: { x: fromX, y: atY },
      end: { x: toX, y: atY },
      thickness: 0.5,
      color: rgb(0.6, 0.6, 0.6),
    });
  };

  newPageBelow = (minY: number) => {
    if (this.y >= minY) return;
    this.page = this.pdf.addPage(a4);
    this.y = topY;
  };

  /** Net, VAT and total lines, amounts at the right edge; the last line bold. A long VAT rule shrinks. */
  totals = (rows: readonly (readonly [label: string, cents: number])[]) => {
    rows.forEach(([label, cents], index) => {
      const useFont = index === rows.length - 1 ? this.bold : this.font;
      let size = 10;
      while (size > 7 && useFont.widthOfTextAtSize(winAnsi(label), size) > 390) size -= 0.5;
      this.right(label, 455, size, useFont);
      this.right(formatEuros(cents), 545, 10, useFont);
      this.y -= 15;
    });
  };

  save = () => this.pdf.save();
}

/** A new document with the platform's letterhead and the title, the cursor below them. */
export async function createPdfWriter(title: string): Promise<PdfWriter> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setProducer("Instant Quote");
  const writer = new PdfWriter(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  const platform = platformLegalDetails();
  writer.write(platform.name, 50, 10, writer.bold);
  writer.right(title, 545, 14, writer.bold);
  writer.y -= 14;
  writer.write(`${platform.addressLines.join(", ")} · VAT ${platform.vatNumber}`, 50, 8);
  return writer;
}

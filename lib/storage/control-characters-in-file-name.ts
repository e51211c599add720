import { isSingleLineText } from "../input/is-single-line-text";

/**
 * True when an uploaded file's name holds a character no file name needs: a control character (NUL, which
 * PostgreSQL cannot store; CR and LF, which split a header) or a direction mark (lib/input/is-single-line-text.ts).
 */
export function hasControlCharactersInFileName(fileName: string): boolean {
  return !isSingleLineText(fileName);
}

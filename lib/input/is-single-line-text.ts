/**
 * C0 and C1 control characters (NUL, tab, CR, LF among them) and the bidirectional controls (U+202E, the
 * isolates, the marks). No name or address line needs them; PostgreSQL cannot store NUL, CR and LF split
 * headers and CSV rows, and a direction override makes "photo\u202egpj.stl" read as "photolts.jpg" and a
 * company's name read as another's wherever it is shown to other people.
 */
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** True when text has none of the characters above: a name, a label, an address line. */
export function isSingleLineText(text: string): boolean {
  return !controlCharacters.test(text);
}

/** The refusal of such a character in the field a person typed. */
export function controlCharacterRefusal(field: string): string {
  return `${field} cannot hold line breaks, tabs or direction marks (such as U+202E); type it again without them.`;
}

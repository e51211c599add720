// C0 and C1 control characters (NUL among them), which no file name needs and PostgreSQL cannot store (NUL),
// which split a header (CR, LF), and the bidirectional controls that make "photo\u202egpj.stl" read as
// "photolts.jpg" in every list that shows the name.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** True when an uploaded file's name holds a character no file name needs (see above). */
export function hasControlCharactersInFileName(fileName: string): boolean {
  return controlCharacters.test(fileName);
}

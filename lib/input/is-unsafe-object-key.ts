/**
 * Names that reach an object's prototype when used as a key (`obj["__proto__"].x = …` changes every
 * object in the process; `constructor.prototype` leads there too). Input never gets to choose them.
 */
const unsafeObjectKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Whether a key from outside input (a form field name, a JSON key, a path segment) must be refused. */
export function isUnsafeObjectKey(key: string): boolean {
  return unsafeObjectKeys.has(key);
}

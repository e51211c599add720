import { formatFileSize } from "../files/format-file-size";
/**
 * What a file input may carry, as the server action behind it checks it: the most files, the most bytes
 * per file, and (where the server checks the type before reading the bytes) the names or types it takes.
 * Pure and free of server code, so the browser checks a choice with the server's own words before it
 * posts (checked-file-field.tsx) and the server checks it again.
 */
export interface ChosenFilesRule {
  maxBytes: number;
  /** More than this many files are refused (one, unless the input takes several). */
  maxFiles?: number;
  /** "photos": what "Attach at most 5 …" counts. */
  pluralNoun?: string;
  /** What to do with a file over the limit; "attach a smaller file." unless said. */
  tooLargeAdvice?: string;
  /** Types the server takes by name or declared type; a file matching neither list is refused. */
  types?: {
    extensions?: readonly string[];
    mimeTypes?: readonly string[];
    refusal: (fileName: string) => string;
  };
}

/** How many files an input under the rule takes at once. */
export function maxFilesOf(rule: ChosenFilesRule): number {
  return rule.maxFiles ?? 1;
}

/**
 * Why these chosen files cannot be sent under the rule, or null. Empty file inputs (size 0, what a form
 * sends when nothing was chosen) do not count.
 */
export function chosenFilesRefusal(
  files: readonly { name: string; size: number; type?: string }[],
  rule: ChosenFilesRule,
): string | null {
  const chosen = files.filter((file) => file.size > 0);
  const maxFiles = maxFilesOf(rule);
  if (chosen.length > maxFiles) return `Attach at most ${maxFiles} ${rule.pluralNoun ?? "files"}.`;
  const { types } = rule;
  if (types) {
    const wrongType = chosen.find((file) => {
      const lower = file.name.toLowerCase();
      const byName = types.extensions?.some((extension) => lower.endsWith(extension)) ?? false;
      const byType = types.mimeTypes?.includes(file.type ?? "") ?? false;
      return !byName && !byType;
    });
    if (wrongType) return types.refusal(wrongType.name);
  }
  const tooLarge = chosen.find((file) => file.size > rule.maxBytes);
  return tooLarge
    ? `"${tooLarge.name}" is larger than ${formatFileSize(rule.maxBytes)}; ${rule.tooLargeAdvice ?? "attach a smaller file."}`
    : null;
}

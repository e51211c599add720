import path from "node:path";

/**
 * The database folder as the start script prints it: relative when it lies inside the project
 * (".data/postgres"), as given when it lies elsewhere (EMBEDDED_POSTGRES_DIR=/tmp/db prints /tmp/db, not
 * "../../tmp/db", which a newcomer had to work out).
 */
export function shownDataDirectory(dataDirectory: string, projectDirectory: string): string {
  const relative = path.relative(projectDirectory, dataDirectory);
  if (relative === "") return ".";
  return relative.startsWith("..") || path.isAbsolute(relative) ? path.resolve(dataDirectory) : relative;
}

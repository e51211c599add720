import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";

/**
 * @typedef {{ root: string, packages: string[], localPaths: string[] }} ServerCodePolicy
 * `packages` are names ("pg") or scopes ("@prisma/*"); `localPaths` are files or folders
 * relative to `root` ("lib/db", "lib/env.ts").
 */

// The same module is reached from many client components in one lint run; parse it once per version.
/** @type {Map<string, { mtimeMs: number, summary: ModuleSummary }>} */
const summaries = new Map();

/**
 * The chain of modules by which `specifier`, imported at run time from `importerPath`, reaches server
 * code (a package or builtin of the policy, or a file at or under one of its local paths), or null when it
 * does not.
 * Local modules (relative or `@/`) are followed through their run-time imports, because a client bundle
 * takes a module's whole graph, not just the names one file uses. Type-only imports vanish when compiled
 * and are not followed; nor are `"use server"` modules, which a client bundle only references by id.
 * Packages are judged by name and not opened: a package that runs in a browser is its authors' business.
 * @param {string} specifier
 * @param {string} importerPath absolute
 * @param {ServerCodePolicy} policy
 * @returns {string[] | null} e.g. ["@/lib/audits/decide-audit", "lib/env.ts", "node:fs"]
 */
export function serverCodeReachedFrom(specifier, importerPath, policy) {
  return chainFrom(specifier, importerPath, policy, new Set());
}

/**
 * @param {string} specifier
 * @param {string} importerPath
 * @param {ServerCodePolicy} policy
 * @param {Set<string>} visited
 * @returns {string[] | null}
 */
function chainFrom(specifier, importerPath, policy, visited) {
  if (isServerPackage(specifier, policy.packages)) return [specifier];
  const file = resolveLocal(specifier, importerPath, policy.root);
  if (file === null) return null;
  const shown = path.relative(policy.root, file);
  if (policy.localPaths.some((local) => isAtOrInside(file, path.join(policy.root, local)))) return [shown];
  if (visited.has(file)) return null;
  visited.add(file);
  const summary = summaryOf(file);
  if (summary === null || summary.usesServer) return null;
  for (const next of summary.runtimeImports) {
    const rest = chainFrom(next, file, policy, visited);
    if (rest !== null) return [shown, ...rest];
  }
  return null;
}

/**
 * @param {string} specifier
 * @param {string[]} packages
 */
function isServerPackage(specifier, packages) {
  if (specifier.startsWith("node:") || builtinModules.includes(specifier)) return true;
  return packages.some((name) =>
    name.endsWith("/*")
      ? specifier.startsWith(name.slice(0, -1))
      : specifier === name || specifier.startsWith(`${name}/`),
  );
}

const candidateSuffixes = ["", ".ts", ".tsx", ".js", ".jsx", ".mjs", "/index.ts", "/index.tsx", "/index.js"];

/**
 * The file a relative or `@/` specifier names, as tsconfig's bundler resolution finds it; null for packages
 * and for anything that is not there (a missing file is the compiler's complaint, not this rule's).
 * @param {string} specifier
 * @param {string} importerPath
 * @param {string} root
 * @returns {string | null}
 */
function resolveLocal(specifier, importerPath, root) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(importerPath), specifier);
  else return null;
  const bases = /\.m?js$/.test(base) ? [base, base.replace(/\.m?js$/, "")] : [base];
  for (const stem of bases) {
    for (const suffix of candidateSuffixes) {
      const candidate = stem + suffix;
      if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    }
  }
  return null;
}

/**
 * @param {string} file
 * @param {string} local a file or a folder
 */
function isAtOrInside(file, local) {
  const relative = path.relative(local, file);
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** @typedef {{ usesServer: boolean, runtimeImports: string[] }} ModuleSummary */

/**
 * @param {string} file
 * @returns {ModuleSummary | null}
 */
function summaryOf(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat || !/\.(ts|tsx|js|jsx|mjs)$/.test(file)) return null;
  const cached = summaries.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached.summary;
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const summary = {
    usesServer: hasDirective(source, "use server"),
    runtimeImports: runtimeImportsOf(source),
  };
  summaries.set(file, { mtimeMs: stat.mtimeMs, summary });
  return summary;
}

/**
 * @param {ts.SourceFile} source
 * @param {string} directive
 */
function hasDirective(source, directive) {
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === directive) return true;
  }
  return false;
}

/**
 * Specifiers of the imports and re-exports that survive compilation, and of dynamic `import("…")` calls.
 * @param {ts.SourceFile} source
 * @returns {string[]}
 */
function runtimeImportsOf(source) {
  /** @type {string[]} */
  const specifiers = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) specifiers.push(statement.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const clause = statement.exportClause;
      const typeOnly =
        statement.isTypeOnly ||
        (clause !== undefined &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) specifiers.push(statement.moduleSpecifier.text);
    }
  }
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

import { serverCodeReachedFrom } from "./server-code-reached-from.js";

/**
 * A module that starts with "use client" is bundled for the browser together with everything it imports
 * at run time. ESLint's file patterns cannot select files by their first line, so this rule does: in such
 * a module it reports every import that reaches, directly or through local modules, a server package, a
 * Node builtin or a server folder (the database), with the chain that gets there. See
 * docs/decisions/0014-import-boundaries.md.
 * @type {import("eslint").Rule.RuleModule}
 */
export const noServerCodeInClient = {
  meta: {
    type: "problem",
    docs: {
      description:
        'Forbid "use client" modules to import database or server-only code, directly or through local modules.',
    },
    schema: [
      {
        type: "object",
        properties: {
          root: { type: "string" },
          packages: { type: "array", items: { type: "string" } },
          localPaths: { type: "array", items: { type: "string" } },
        },
        required: ["root", "packages", "localPaths"],
        additionalProperties: false,
      },
    ],
    messages: {
      serverCode:
        '"use client" module imports server code: {{chain}}. Move what the browser needs into a module ' +
        "without server imports, or pass it down as props from a server component.",
    },
  },
  create(context) {
    if (!startsWithUseClient(context.sourceCode.ast.body)) return {};
    const policy = context.options[0];
    /** @param {import("estree").Node & { value?: unknown }} source */
    const check = (source) => {
      if (typeof source.value !== "string") return;
      const chain = serverCodeReachedFrom(source.value, context.filename, policy);
      if (chain !== null)
        context.report({ node: source, messageId: "serverCode", data: { chain: chain.join(" → ") } });
    };
    return {
      ImportDeclaration(node) {
        if (!isTypeOnly(node)) check(node.source);
      },
      ExportNamedDeclaration(node) {
        if (node.source && !isTypeOnly(node)) check(node.source);
      },
      ExportAllDeclaration(node) {
        if (!isTypeOnly(node)) check(node.source);
      },
      ImportExpression(node) {
        check(node.source);
      },
    };
  },
};

/** @param {import("estree").Program["body"]} body */
function startsWithUseClient(body) {
  for (const statement of body) {
    if (statement.type !== "ExpressionStatement" || statement.expression.type !== "Literal") return false;
    if (statement.expression.value === "use client") return true;
  }
  return false;
}

/**
 * Type-only imports and exports are erased by the compiler, so they put nothing into the bundle.
 * `importKind`/`exportKind` come from typescript-eslint's parser; plain JavaScript has neither.
 * @param {any} node
 */
function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specifiers = node.specifiers ?? [];
  return (
    specifiers.length > 0 &&
    specifiers.every(
      (/** @type {any} */ specifier) => specifier.importKind === "type" || specifier.exportKind === "type",
    )
  );
}

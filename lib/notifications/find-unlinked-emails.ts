import ts from "typescript";

/** The functions that queue an e-mail from a message their caller writes. */
export const emailQueueFunctions = ["queueEmail", "queueCompanyEmail", "emailCompanyAdmins"] as const;

/** Where a message's text is built from: an absolute link comes from appUrl() or a variable holding one. */
const linkSource = /appUrl\(\)|\b\w*(Url|Link)\b/;

export type UnlinkedEmail = { file: string; line: number; call: string };

/**
 * The calls in one source file that queue an e-mail whose text does not visibly carry an absolute link
 * to its page (issue 21: every e-mail links to its page). A call passes when its message's `text`
 * is built with appUrl() or a `…Url`/`…Link` value, or, when the text is made elsewhere (a variable, a
 * helper's result), when the function around the call uses appUrl(). Wrappers that pass their caller's
 * message on (`...message`) are checked at their own call sites. Static on purpose: it covers every
 * e-mail kind, also those no test sends; queueEmail checks the sent text at run time besides.
 */
export function findUnlinkedEmails(file: string, source: string): UnlinkedEmail[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: UnlinkedEmail[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      (emailQueueFunctions as readonly string[]).includes(node.expression.text)
    ) {
      const messages = node.arguments.flatMap(objectLiterals);
      if (messages.length === 0 || !messages.every(isLinked)) {
        const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
        found.push({ file, line: line + 1, call: node.expression.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The message objects an argument can be: itself, or each branch of `cond ? {…} : {…}`. */
function objectLiterals(node: ts.Expression): ts.ObjectLiteralExpression[] {
  if (ts.isObjectLiteralExpression(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return objectLiterals(node.expression);
  if (ts.isConditionalExpression(node))
    return [...objectLiterals(node.whenTrue), ...objectLiterals(node.whenFalse)];
  return [];
}

function isLinked(message: ts.ObjectLiteralExpression): boolean {
  // A wrapper passing its caller's whole message on.
  if (message.properties.some(ts.isSpreadAssignment)) return true;
  const text = message.properties.find(
    (property) => property.name && ts.isIdentifier(property.name) && property.name.text === "text",
  );
  if (!text) return false;
  // Built elsewhere (a variable, a helper's result): the outermost function around the call must make it.
  let scope: ts.Node | undefined;
  for (let node: ts.Node | undefined = message; node; node = node.parent)
    if (ts.isFunctionLike(node)) scope = node;
  const scopeLinks = Boolean(scope && /appUrl\(\)/.test(scope.getText()));
  return ts.isPropertyAssignment(text) ? textLinked(text.initializer, scopeLinks) : scopeLinks;
}

/** Each branch of `cond ? a : b` must link; a literal itself; anything else may get it from its function. */
function textLinked(expression: ts.Expression, scopeLinks: boolean): boolean {
  if (ts.isParenthesizedExpression(expression)) return textLinked(expression.expression, scopeLinks);
  if (ts.isConditionalExpression(expression))
    return textLinked(expression.whenTrue, scopeLinks) && textLinked(expression.whenFalse, scopeLinks);
  if (linkSource.test(expression.getText())) return true;
  const literal =
    ts.isStringLiteral(expression) ||
    ts.isNoSubstitutionTemplateLiteral(expression) ||
    ts.isTemplateExpression(expression);
  return !literal && scopeLinks;
}

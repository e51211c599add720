import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { maxFilesOf } from "../forms/chosen-files-refusal";
import { uploadFileRules } from "../forms/upload-file-rules";
import { actionBodyLimitBytes, defaultActionBodyBytes } from "./action-body-limits";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * File inputs whose form is not theirs: the field component (its callers' forms are checked where they
 * use it), and the CAD upload, which sends each file to a route handler that streams it against a limit.
 */
const fileInputsOutsideForms: Record<string, string> = {
  "app/_components/checked-file-field.tsx": "a field: the form that uses it names the action",
  "app/_components/part-upload/part-upload-area.tsx": "app/api/v1/parts/route.ts",
};

function sourceFiles(folder: string, extension: RegExp): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extension.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

function parse(file: string): ts.SourceFile {
  const text = readFileSync(path.join(root, file), "utf8");
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** `<file>#<export>` of an identifier imported from a module of app/ (relative or `@/` import). */
function importedActionKeys(source: ts.SourceFile): Map<string, string> {
  const keys = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const target = specifier.startsWith("@/")
      ? specifier.slice(2)
      : specifier.startsWith(".")
        ? path.posix.join(path.posix.dirname(source.fileName), specifier)
        : null;
    const names = statement.importClause?.namedBindings;
    if (!target || !names || !ts.isNamedImports(names)) continue;
    for (const element of names.elements)
      keys.set(element.name.text, `${target}.ts#${(element.propertyName ?? element.name).text}`);
  }
  return keys;
}

function isFileInput(node: ts.Node): { rule?: string } | null {
  if (!ts.isJsxSelfClosingElement(node) && !ts.isJsxOpeningElement(node)) return null;
  const attributes = new Map<string, string | true>();
  for (const attribute of node.attributes.properties)
    if (ts.isJsxAttribute(attribute) && ts.isIdentifier(attribute.name))
      attributes.set(
        attribute.name.text,
        attribute.initializer && ts.isStringLiteral(attribute.initializer)
          ? attribute.initializer.text
          : true,
      );
  const tag = node.tagName.getText();
  if (tag === "CheckedFileField") return { rule: String(attributes.get("rule")) };
  return attributes.get("type") === "file" ? {} : null;
}

/** The nearest enclosing function (a component), or the file. */
function enclosingFunction(node: ts.Node): ts.Node {
  for (let current = node.parent; current; current = current.parent)
    if (ts.isFunctionDeclaration(current) || ts.isArrowFunction(current) || ts.isFunctionExpression(current))
      return current;
  return node.getSourceFile();
}

interface FileInput {
  where: string;
  rule?: string;
  actionKeys: string[];
}

/** Every file input of app/'s components, with the actions its component's forms post to. */
function fileInputs(): FileInput[] {
  const found: FileInput[] = [];
  for (const file of sourceFiles("app", /\.tsx$/)) {
    const source = parse(file);
    const imported = importedActionKeys(source);
    walk(source, (node) => {
      const input = isFileInput(node);
      if (!input) return;
      const component = enclosingFunction(node);
      const actionKeys = new Set<string>();
      walk(component, (inner) => {
        const usesAction =
          (ts.isCallExpression(inner) &&
            inner.expression.getText() === "useFormAction" &&
            inner.arguments[0]) ||
          (ts.isJsxAttribute(inner) &&
            ["action", "formAction"].includes(inner.name.getText()) &&
            inner.initializer &&
            ts.isJsxExpression(inner.initializer) &&
            inner.initializer.expression);
        if (!usesAction) return;
        const key = imported.get(usesAction.getText());
        if (key) actionKeys.add(key);
      });
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ where: `${file}:${line}`, rule: input.rule, actionKeys: [...actionKeys] });
    });
  }
  return found;
}

/** Every exported server action of a `"use server"` file whose code (or a helper of its file) reads a File. */
function fileTakingActions(): string[] {
  const keys: string[] = [];
  for (const file of [...sourceFiles("app", /\.ts$/), ...sourceFiles("lib", /\.ts$/)]) {
    const source = parse(file);
    const first = source.statements[0];
    if (!first || !ts.isExpressionStatement(first) || first.expression.getText() !== '"use server"') continue;
    const topLevel = new Map<string, ts.Node>();
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name) topLevel.set(statement.name.text, statement);
      if (ts.isVariableStatement(statement))
        for (const declaration of statement.declarationList.declarations)
          if (ts.isIdentifier(declaration.name)) topLevel.set(declaration.name.text, declaration);
    }
    const readsFile = (node: ts.Node, seen = new Set<ts.Node>()): boolean => {
      if (seen.has(node)) return false;
      seen.add(node);
      let found = false;
      walk(node, (inner) => {
        if (found || !ts.isIdentifier(inner)) return;
        if (inner.text === "File" || inner.text === "Blob") found = true;
        else {
          const helper = topLevel.get(inner.text);
          if (helper && helper !== node && readsFile(helper, seen)) found = true;
        }
      });
      return found;
    };
    for (const statement of source.statements) {
      const exported = ts.canHaveModifiers(statement)
        ? ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
        : false;
      if (!exported) continue;
      const declarations = ts.isVariableStatement(statement)
        ? statement.declarationList.declarations.filter((declaration) => ts.isIdentifier(declaration.name))
        : ts.isFunctionDeclaration(statement) && statement.name
          ? [statement]
          : [];
      for (const declaration of declarations)
        if (readsFile(declaration)) keys.push(`${file}#${(declaration.name as ts.Identifier).text}`);
    }
  }
  return keys;
}

describe("every file upload has a body limit", () => {
  const inputs = fileInputs();
  const actions = fileTakingActions();

  it("finds the app's file inputs and file actions (the scan itself works)", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(8);
    expect(actions).toContain("app/orders/[orderId]/actions.ts#complainAction");
  });

  it("gives every server action that takes a file more than the text-only limit in the body-limit table", () => {
    const missing = actions.filter((key) => actionBodyLimitBytes(key) <= defaultActionBodyBytes);
    expect(missing, "add these to lib/security/action-body-limits.ts").toEqual([]);
  });

  it("posts every file input to an action whose limit fits the files its field lets through", () => {
    const refused = inputs.flatMap((input) => {
      const outside = Object.keys(fileInputsOutsideForms).find((file) => input.where.startsWith(`${file}:`));
      if (outside) return [];
      if (input.actionKeys.length === 0) return [`${input.where}: no server action found for its form`];
      const rule = uploadFileRules[input.rule as keyof typeof uploadFileRules] ?? null;
      const filesBytes = rule ? maxFilesOf(rule) * rule.maxBytes : defaultActionBodyBytes + 1;
      return input.actionKeys
        .filter((key) => actionBodyLimitBytes(key) < filesBytes)
        .map((key) => `${input.where}: ${key} takes ${actionBodyLimitBytes(key)} bytes`);
    });
    expect(refused, "add the action to lib/security/action-body-limits.ts, sized from its rule").toEqual([]);
  });

  it("has a streamed, limited route handler behind each upload that is not a form", () => {
    for (const [file, route] of Object.entries(fileInputsOutsideForms)) {
      expect(readFileSync(path.join(root, file), "utf8")).toMatch(/type="file"|CheckedFileField/);
      if (!route.endsWith(".ts")) continue;
      expect(readFileSync(path.join(root, route), "utf8"), route).toMatch(/maxBytes/);
    }
  });

  it("reads no route handler's body whole, past the limited readers", () => {
    const unlimited = sourceFiles("app/api", /route\.ts$/).filter((file) =>
      /\brequest\.(formData|arrayBuffer|blob|text|json)\(/.test(readFileSync(path.join(root, file), "utf8")),
    );
    expect(unlimited, "read bodies with lib/api/read-limited-body.ts").toEqual([]);
  });
});

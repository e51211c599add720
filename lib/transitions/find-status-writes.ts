import ts from "typescript";

/** The stateful models: their Prisma delegate, table name and the one file that may write their status. */
export const statusDoors = {
  order: { table: "Order", door: "lib/orders/move-order.ts" },
  orderLine: { table: "OrderLine", door: "lib/orders/change-order-line-status.ts" },
  offer: { table: "Offer", door: "lib/matching/move-offers.ts" },
  payout: { table: "Payout", door: "lib/payouts/move-payouts.ts" },
  supplierAudit: { table: "SupplierAudit", door: "lib/audits/move-audit.ts" },
} as const;
export type StatefulModel = keyof typeof statusDoors;

/**
 * Modules that write several models' statuses in one statement and check each move against the model's
 * transition table first (issue 22, docs/decisions/0051: the matcher writes decision, offer and the line's
 * move in one round trip). The test checks that each names the tables of the models it writes.
 */
export const combinedDoors: Record<string, { models: StatefulModel[]; tables: string[] }> = {
  "lib/matching/write-offer.ts": {
    models: ["offer", "orderLine"],
    tables: ["offerTransitions", "orderLineTransitions"],
  },
};

function isDoorOf(file: string, model: StatefulModel): boolean {
  return file === statusDoors[model].door || (combinedDoors[file]?.models.includes(model) ?? false);
}

const writeMethods = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
]);

export interface StatusWrite {
  file: string;
  line: number;
  model: StatefulModel;
  what: string;
}

/**
 * The relation fields of schema.prisma that lead to a stateful model (`lines` → orderLine, `audits` →
 * supplierAudit…), so a status written inside a nested create is found too.
 */
export function statefulRelationFields(schema: string): Map<string, StatefulModel> {
  const byTable = new Map<string, StatefulModel>(
    Object.entries(statusDoors).map(([model, door]) => [door.table, model as StatefulModel]),
  );
  const fields = new Map<string, StatefulModel>();
  for (const match of schema.matchAll(/^\s+(\w+)\s+(\w+)(\[\])?\??\s/gm)) {
    const model = byTable.get(match[2]!);
    if (model) fields.set(match[1]!, model);
  }
  return fields;
}

/**
 * Every write of a stateful model's status in one source file that does not go through the model's door:
 * a `status` in the data of a Prisma create/update/upsert outside the door file (a create may name its
 * first status through the table, `status: offerTransitions.enter("PENDING")`), nested writes through
 * relation fields included, and raw SQL that updates or inserts the status column.
 */
export function findStatusWrites(
  file: string,
  source: string,
  relationFields: Map<string, StatefulModel>,
): StatusWrite[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: StatusWrite[] = [];
  const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;

  const checkData = (
    node: ts.Expression | undefined,
    model: StatefulModel | null,
    creating: boolean,
  ): void => {
    if (!node) return;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
      return checkData(node.expression, model, creating);
    if (ts.isConditionalExpression(node)) {
      checkData(node.whenTrue, model, creating);
      return checkData(node.whenFalse, model, creating);
    }
    if (!ts.isObjectLiteralExpression(node)) return;
    for (const property of node.properties) {
      const name = property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
      if (!name) continue;
      const value = ts.isPropertyAssignment(property) ? property.initializer : undefined;
      if (name === "status" && model) {
        const throughTable =
          creating &&
          value !== undefined &&
          ts.isCallExpression(value) &&
          ts.isPropertyAccessExpression(value.expression) &&
          value.expression.name.text === "enter";
        if (!throughTable && !isDoorOf(file, model))
          found.push({
            file,
            line: lineOf(property),
            model,
            what: `${model}.status written outside its door`,
          });
      }
    }
  };

  // A relation field's value: { create, createMany: { data }, update, updateMany: { data }, upsert, connectOrCreate }.
  const checkNested = (node: ts.Expression, model: StatefulModel) => {
    if (!ts.isObjectLiteralExpression(node)) return;
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
      const key = property.name.text;
      const items = ts.isArrayLiteralExpression(property.initializer)
        ? [...property.initializer.elements]
        : [property.initializer];
      for (const item of items) {
        if (!ts.isExpression(item)) continue;
        if (key === "create") checkData(item, model, true);
        else if (key === "update") checkData(dataOf(item) ?? item, model, false);
        else if (key === "createMany") checkDataList(dataOf(item), model, true);
        else if (key === "updateMany") checkData(dataOf(item), model, false);
        else if (key === "upsert" || key === "connectOrCreate") {
          checkData(propertyOf(item, "create"), model, true);
          checkData(propertyOf(item, "update"), model, false);
        }
      }
    }
  };

  const checkDataList = (node: ts.Expression | undefined, model: StatefulModel, creating: boolean) => {
    if (!node) return;
    if (!ts.isArrayLiteralExpression(node)) return checkData(node, model, creating);
    for (const element of node.elements) checkData(element, model, creating);
  };

  const visit = (node: ts.Node) => {
    // A relation field's nested write, wherever its object is built (also when handed to a helper).
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      const nestedModel = relationFields.get(node.name.text);
      if (nestedModel) checkNested(node.initializer, nestedModel);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      writeMethods.has(node.expression.name.text) &&
      ts.isPropertyAccessExpression(node.expression.expression)
    ) {
      const delegate = node.expression.expression.name.text;
      const method = node.expression.name.text;
      const model = delegate in statusDoors ? (delegate as StatefulModel) : null;
      const argument = node.arguments[0];
      if (argument) {
        const creating = method.startsWith("create");
        if (method === "upsert") {
          checkData(propertyOf(argument, "create"), model, true);
          checkData(propertyOf(argument, "update"), model, false);
        } else if (method.startsWith("createMany") && model) checkDataList(dataOf(argument), model, true);
        else checkData(dataOf(argument), model, creating);
      }
    }
    if (
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node) ||
      ts.isStringLiteral(node)
    ) {
      const text = node.getText(sourceFile);
      for (const [model, door] of Object.entries(statusDoors) as [
        StatefulModel,
        (typeof statusDoors)[StatefulModel],
      ][]) {
        const writesTable = new RegExp(`(UPDATE|INSERT\\s+INTO)\\s+"${door.table}"`, "i").test(text);
        if (writesTable && /"status"|\bstatus\b/i.test(text) && !isDoorOf(file, model))
          found.push({ file, line: lineOf(node), model, what: `raw SQL writes "${door.table}".status` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function propertyOf(node: ts.Expression, name: string): ts.Expression | undefined {
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  for (const property of node.properties)
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === name)
      return property.initializer;
  return undefined;
}

function dataOf(node: ts.Expression): ts.Expression | undefined {
  return propertyOf(node, "data");
}

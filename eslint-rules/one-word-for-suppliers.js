/**
 * The manufacturing side is called "supplier" in code, as in the database (SupplierAudit, supplierCompanyId,
 * SUPPLIER_ADMIN) and the folders (lib/suppliers, app/supplier); pages, e-mails and PDFs may keep saying
 * "partner" to people. This rule reports every identifier (variables, functions, types, properties, JSX
 * props and tags) and every file name that says partner. Strings are not checked: visible text may say it.
 * Folders under app/ are URL paths (app/partners/apply is /partners/apply) and may say it too.
 * See docs/decisions/0018-one-word-supplier.md.
 * @type {import("eslint").Rule.RuleModule}
 */
export const oneWordForSuppliers = {
  meta: {
    type: "suggestion",
    docs: { description: 'Call the manufacturing side "supplier" in identifiers and file names.' },
    schema: [],
    messages: {
      identifier:
        '"{{name}}" says partner: the code calls the manufacturing side supplier ("{{suggestion}}"); ' +
        "only visible text may say partner.",
      fileName:
        'The file name "{{name}}" says partner: the code calls the manufacturing side supplier ("{{suggestion}}").',
    },
  },
  create(context) {
    const word = /partner/i;
    const suggest = (name) =>
      name
        .replace(/partner/g, "supplier")
        .replace(/Partner/g, "Supplier")
        .replace(/PARTNER/g, "SUPPLIER");
    /** @param {{ name: string } & import("estree").Node} node */
    const check = (node) => {
      if (typeof node.name === "string" && word.test(node.name))
        context.report({
          node,
          messageId: "identifier",
          data: { name: node.name, suggestion: suggest(node.name) },
        });
    };
    return {
      Program(node) {
        const base = context.filename.split(/[\\/]/).pop() ?? "";
        if (word.test(base))
          context.report({ node, messageId: "fileName", data: { name: base, suggestion: suggest(base) } });
      },
      Identifier: check,
      PrivateIdentifier: check,
      JSXIdentifier: check,
    };
  },
};

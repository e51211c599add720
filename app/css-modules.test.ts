import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Next types a CSS Module as `{ [key: string]: string }`, so `styles.pirceCard` compiles and styles
// nothing. This test reads every component that imports a module and every module it imports.
const appDir = path.resolve(import.meta.dirname);

function filesUnder(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

/** The local class names a module defines: every `.name` outside `:global(…)`. */
function localClassesOf(cssFile: string): Set<string> {
  const css = fs
    .readFileSync(cssFile, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/:global\([^)]*\)/g, "")
    // Declarations (values such as 0.85rem) are not selectors.
    .replace(/\{[^{}]*\}/g, "{}");
  return new Set([...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map(([, name = ""]) => name));
}

interface ModuleUse {
  component: string;
  cssFile: string;
  names: string[];
}

function moduleUses(): ModuleUse[] {
  return filesUnder(appDir, ".tsx").flatMap((component) => {
    const source = fs.readFileSync(component, "utf8");
    return [...source.matchAll(/^import (\w+) from "([^"]+\.module\.css)";$/gm)].map(
      ([, name = "", specifier = ""]) => ({
        component: path.relative(appDir, component),
        // `@/` is the repository root (tsconfig paths), used for the shared modules in `app/_components/`.
        cssFile: specifier.startsWith("@/")
          ? path.resolve(appDir, "..", specifier.slice(2))
          : path.resolve(path.dirname(component), specifier),
        names: [...source.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, "g"))].map(([, used = ""]) => used),
      }),
    );
  });
}

describe("CSS Modules", () => {
  const uses = moduleUses();

  it("are imported by the components beside them", () => {
    expect(uses.length).toBeGreaterThan(20);
  });

  it.each(uses.map((use) => [use.component, path.relative(appDir, use.cssFile), use] as const))(
    "%s uses only classes that %s defines",
    (_component, _css, use) => {
      const defined = localClassesOf(use.cssFile);
      expect(use.names.filter((name) => !defined.has(name))).toEqual([]);
    },
  );

  it.each(filesUnder(appDir, ".module.css").map((file) => [path.relative(appDir, file), file] as const))(
    "every class of %s is used by a component",
    (_name, cssFile) => {
      const used = new Set(uses.filter((use) => use.cssFile === cssFile).flatMap((use) => use.names));
      expect([...localClassesOf(cssFile)].filter((name) => !used.has(name))).toEqual([]);
    },
  );
});

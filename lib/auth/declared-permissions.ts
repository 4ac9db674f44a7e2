import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { actions, type Action } from './permissions';

/**
 * The permission every server action declares, read from its source: the first argument of the lib/actions.ts
 * wrapper it is built with, or 'public'. For the unit test and the e2e role matrix only (it parses TypeScript, so
 * the app never imports it): an export that declares nothing, or an unknown permission, is an error naming it.
 */

/** The permission an action needs ('public': anyone), and whether it is a button (it takes no form state). */
export type Declared = { permission: Action | 'public'; button: boolean };

const wrappers: Record<string, 'permission' | 'public'> = {
  authorizedAction: 'permission',
  authorizedButtonAction: 'permission',
  publicAction: 'public',
  publicButtonAction: 'public',
};

function isUseServer(source: ts.SourceFile): boolean {
  const [first] = source.statements;
  return (
    first !== undefined &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === 'use server'
  );
}

function exported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** What `export const name = wrapper(...)` declares. */
function declarationOf(file: string, declaration: ts.VariableDeclaration): [string, Declared] {
  const name = declaration.name.getText();
  const where = `${name} in ${file}`;
  const call = declaration.initializer;
  if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || !wrappers[call.expression.text]) {
    throw new Error(`${where} is not built with ${Object.keys(wrappers).join(', ')} (lib/actions.ts)`);
  }
  const button = call.expression.text.endsWith('ButtonAction');
  if (wrappers[call.expression.text] === 'public') return [name, { permission: 'public', button }];
  const [permission] = call.arguments;
  if (!permission || !ts.isStringLiteral(permission) || !(actions as readonly string[]).includes(permission.text)) {
    throw new Error(`${where} does not declare a permission from lib/auth/permissions.ts as a string literal`);
  }
  return [name, { permission: permission.text as Action, button }];
}

/**
 * Each export of a 'use server' module and the permission it declares. Types are not actions; any other export
 * (a plain `export async function`, `export { x }`, a default export) is refused, as it declares nothing.
 */
export function declaredPermissionsIn(file: string, text: string): Map<string, Declared> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  if (!isUseServer(source)) throw new Error(`${file} is not a 'use server' module`);
  const declared = new Map<string, Declared>();
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) continue;
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        declared.set(...declarationOf(file, declaration));
      }
    } else if (exported(statement) || ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
      const name = (statement as { name?: ts.Node }).name?.getText() ?? statement.getText().slice(0, 60);
      throw new Error(`${name} in ${file} is exported without a declared permission (use a lib/actions.ts wrapper)`);
    }
  }
  return declared;
}

/** What `name`, exported by `file` (relative to the project, as in the server-action manifest), declares. */
export function declaredPermission(file: string, name: string, root = process.cwd()): Declared {
  const declared = declaredPermissionsIn(file, fs.readFileSync(path.join(root, file), 'utf8')).get(name);
  if (!declared) throw new Error(`${file} exports no action ${name}`);
  return declared;
}

/** Every 'use server' module under `dirs` (project-relative paths). */
export function serverActionFiles(dirs: string[], root = process.cwd()): string[] {
  return dirs
    .flatMap((dir) =>
      fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)),
    )
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      return isUseServer(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false));
    })
    .sort();
}

import fs from 'node:fs';
import path from 'node:path';

const packageJson = path.join(import.meta.dirname, '..', 'package.json');

/**
 * The arguments `npm run import` gives node before its script: the memory flags of the import (why each one:
 * bench/FINDINGS.md, "Import memory"), then how TypeScript is loaded. They are written once, in package.json's
 * import script; the import bench runs itself again with them and the command's test runs the script with them, so
 * both measure and check what people run.
 */
export function importNodeArgs(): string[] {
  const scripts = (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...words] = scripts.import.trim().split(/\s+/);
  const script = words.indexOf('scripts/import.ts');
  if (command !== 'node' || script < 0)
    throw new Error(
      `package.json's import script is expected to be "node FLAGS… scripts/import.ts": ${scripts.import}`,
    );
  return words.slice(0, script);
}

/** Of those, the flags that are V8's and Node's memory settings (not how TypeScript is loaded). */
export function importMemoryFlags(): string[] {
  return importNodeArgs().filter(
    (arg) => arg.startsWith('--') && !arg.startsWith('--conditions') && arg !== '--import',
  );
}

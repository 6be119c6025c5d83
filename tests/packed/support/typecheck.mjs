// `tsc --noEmit -p <config>` for the packed project, with one difference: declaration files
// are checked only for the packages under test (node_modules/@dinhdanh/*). skipLibCheck would
// hide an error in our declarations (an import of a type the user does not have becomes
// `any`); checking every library's declarations (@types/node, msw, …) costs five times more.
// Usage: node typecheck.mjs <tsconfig path>; prints the diagnostics, exits 1 on any.
import { createRequire } from 'node:module';

const ts = createRequire(import.meta.url)('typescript');
const configPath = process.argv[2];
const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => report([d]) };
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, host);
const program = ts.createProgram({
  rootNames: config.fileNames,
  options: { ...config.options, skipLibCheck: false },
  configFileParsingDiagnostics: config.errors,
});
const checked = (file) =>
  !file.isDeclarationFile || /[\\/]node_modules[\\/]@dinhdanh[\\/]/.test(file.fileName);
const files = program.getSourceFiles().filter(checked);
const diagnostics = [
  ...program.getConfigFileParsingDiagnostics(),
  ...program.getOptionsDiagnostics(),
  ...program.getGlobalDiagnostics(),
  ...files.flatMap((file) => [
    ...program.getSyntacticDiagnostics(file),
    ...program.getSemanticDiagnostics(file),
  ]),
];
report(diagnostics);
const ours = files.filter((file) => file.isDeclarationFile).length;
process.stdout.write(`checked ${files.length - ours} sources and ${ours} @dinhdanh declarations`);

function report(found) {
  if (found.length === 0) return;
  const format = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  };
  process.stderr.write(ts.formatDiagnostics(found, format));
  process.exit(1);
}

// The plugin's install step (`postinstall`): compiles the component's TypeScript sources (../components) and the
// plugin's own (./src) into ./lib, keeping their layout relative to the repository root, with this directory's own
// `typescript`.
//
// Why compile into this directory: the language host installs only this directory's dependencies and starts `main`
// with the consumer's directory as cwd (docs/plugin.md). Node resolves a module's imports from the module's own
// location, so code loaded from ../components would look for @pulumi/pulumi in the repository root's node_modules,
// which a fresh clone does not have (and, in a developer's checkout, would be a second copy of the SDK). Files under
// ./lib resolve from ./node_modules instead.
//
// Why transpile file by file (`ts.transpileModule`, as `ts-node --transpile-only` does) instead of `tsc`: a type
// check would also resolve the types of ../components from the repository root. The types are checked in the
// repository (`npm run typecheck` includes plugin/src); installing only needs them stripped.
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

const PLUGIN_DIR = __dirname;
const REPO_DIR = path.resolve(PLUGIN_DIR, "..");
const OUT_DIR = path.join(PLUGIN_DIR, "lib");
const SOURCES = [path.join(REPO_DIR, "components"), path.join(PLUGIN_DIR, "src")];
const COMPILER_OPTIONS = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
    strict: true,
};

function typeScriptFiles(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return typeScriptFiles(full);
        return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
    });
}

function compile(file) {
    const source = fs.readFileSync(file, "utf8");
    const result = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName: file, reportDiagnostics: true });
    const errors = (result.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    if (errors.length > 0) throw new Error(`${path.relative(REPO_DIR, file)}: ${errors.join("; ")}`);
    const target = path.join(OUT_DIR, path.relative(REPO_DIR, file)).replace(/\.ts$/, ".js");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, result.outputText);
}

fs.rmSync(OUT_DIR, { recursive: true, force: true });
const files = SOURCES.flatMap(typeScriptFiles);
files.forEach(compile);
console.log(`zero-trust-aws-sso plugin: compiled ${files.length} files into ${path.relative(process.cwd(), OUT_DIR) || "."}`);

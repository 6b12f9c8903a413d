// The plugin as a fresh clone holds it after `npm install` in plugin/, laid out offline for the tests: the files git
// tracks under components/ and plugin/ (and the root package.json) are copied into a temporary directory that has no
// node_modules at its root, plugin/node_modules gets exactly the plugin's declared dependencies (symlinks into this
// repo's node_modules; each resolves its own dependencies from there, as npm would have installed them), and the
// plugin's own `postinstall` runs as npm runs it. Nothing can resolve from this repo's root: what the plugin needs
// must be in plugin/package.json. A real `git clone` + `npm install` is in docs/plugin.md (it needs the registry).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** A laid-out clone: `pluginDir` is ready for run-plugin. */
export interface PluginClone {
    root: string;
    pluginDir: string;
    /** What the plugin's postinstall printed. */
    installLog: string;
    remove(): void;
}

/** Copies the tracked files, links the declared dependencies and runs the plugin's postinstall. */
export function clonePlugin(): PluginClone {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ztas-plugin-clone-"));
    const remove = () => fs.rmSync(root, { recursive: true, force: true });
    try {
        for (const file of trackedFiles(["package.json", "components", "plugin"])) {
            fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
            fs.copyFileSync(path.join(REPO, file), path.join(root, file));
        }
        const pluginDir = path.join(root, "plugin");
        linkDependencies(pluginDir);
        const installLog = execFileSync(NPM, ["run", "postinstall"], {
            cwd: pluginDir,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
        });
        return { root, pluginDir, installLog, remove };
    } catch (err) {
        remove();
        throw err;
    }
}

// Tracked and not deleted in the working tree, so that uncommitted edits are what the tests run.
function trackedFiles(paths: string[]): string[] {
    const listed = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "--", ...paths], { cwd: REPO, encoding: "utf8" });
    return listed.split("\n").filter((f) => f !== "" && fs.existsSync(path.join(REPO, f)));
}

function linkDependencies(pluginDir: string): void {
    const manifest = JSON.parse(fs.readFileSync(path.join(pluginDir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    for (const name of Object.keys(manifest.dependencies)) {
        const link = path.join(pluginDir, "node_modules", name);
        fs.mkdirSync(path.dirname(link), { recursive: true });
        fs.symlinkSync(path.join(REPO, "node_modules", name), link, "dir");
    }
}

// npm's `prepare` hook: builds dist/ so that `npm install github:<owner>/<repo>` or `git+file://...` gives a working
// package (npm installs a git dependency's devDependencies, runs `prepare`, then packs it), and so that `npm pack`
// and `npm publish` ship a fresh build. See https://docs.npmjs.com/cli/using-npm/scripts#life-cycle-scripts.
//
// npm also runs `prepare` after a plain `npm ci` / `npm install` in this repository itself. There the build is not
// needed (tests, demo and bench run the TypeScript source; tests/integration/package.test.ts packs, which builds), and it would
// add a full compile to every install, so it is skipped: the install was started here (INIT_CWD is this directory)
// and was an install. Inside a git dependency, npm runs `prepare` in its clone, which is not the directory the user
// started npm in, so the build runs there.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const here = path.resolve(__dirname, "..");
const installingHere = ["ci", "install"].includes(process.env.npm_command ?? "") && path.resolve(process.env.INIT_CWD ?? "") === here;

if (installingHere) {
    console.error("prepare: skipping the build for this repository's own install (npm run build builds dist/)");
} else {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    execFileSync(npm, ["run", "build"], { cwd: here, stdio: ["ignore", process.stderr, "inherit"], shell: process.platform === "win32" });
}

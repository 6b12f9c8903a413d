#!/usr/bin/env node
// The `zero-trust-aws-sso` command (package.json "bin"): wires the process's streams and exit code to runCli, which
// holds all the logic and is what the tests call in-process. Like cli.ts, it never loads @pulumi/*.
import { EXIT_FAILURE, EXIT_OK, PROGRAM, runCli } from "./cli";

// A closed pipe (`... -o - | head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") process.stderr.write(`${PROGRAM}: cannot write to stdout: ${error.message}\n`);
    process.exit(error.code === "EPIPE" ? (process.exitCode ?? EXIT_OK) : EXIT_FAILURE);
});
void runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
}).then((code) => {
    process.exitCode = code;
});

// Stands in for Pulumi's dynamic provider host (@pulumi/pulumi/cmd/dynamic-provider): a separate Node process,
// started in the program's directory, that turns the serialized `__provider` text back into a provider with
// require-from-string(text).handler() and calls its methods. The engine talks gRPC; this talks JSON lines on
// stdin/stdout, which is all a test needs. Plain JavaScript on purpose: the real host loads no TypeScript.
"use strict";
const readline = require("node:readline");
const requireFromString = require("require-from-string");

const cache = new Map();
function providerFor(text) {
    let provider = cache.get(text);
    if (!provider) {
        provider = requireFromString(text).handler();
        cache.set(text, provider);
    }
    return provider;
}

const rl = readline.createInterface({ input: process.stdin });
rl.on("line", async (line) => {
    const { id, method, providerText, args } = JSON.parse(line);
    try {
        const provider = providerFor(providerText);
        const fn = provider[method];
        const result = fn ? await fn.apply(provider, args) : undefined;
        process.stdout.write(JSON.stringify({ id, result: result === undefined ? null : result }) + "\n");
    } catch (err) {
        process.stdout.write(JSON.stringify({ id, error: String((err && err.message) || err) }) + "\n");
    }
});

// "Testing your own program", as a consumer follows the README: the packed package is installed into a fresh
// project (harness/consumerInstall.ts), the README's program and its mocha test are copied verbatim, and the test
// passes in deploy mode and as a preview with zeroTrustAwsSsoMocks() and no network; a plain echo mock previews.
import { strict as assert } from "node:assert";
import { compileReadmeConsumer, runReadmeTest } from "../../harness/consumerInstall";

describe("the README's own test, in a consumer project with the packed package", function () {
    this.timeout(300000);

    it("compiles strictly against the packed declarations, zero-trust-aws-sso/testing included", () => {
        const tsc = compileReadmeConsumer();
        assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    });

    for (const preview of [false, true]) {
        it(`passes ${preview ? "as a preview" : "in deploy mode"} with zeroTrustAwsSsoMocks()`, () => {
            const run = runReadmeTest("tests/program.test.ts", preview);
            assert.equal(run.status, 0, run.stdout + run.stderr);
            assert.match(run.stdout, /1 passing/);
        });
    }

    it("a plain echo mock previews the README's program without an error", () => {
        const run = runReadmeTest("tests/echo.test.ts", true);
        assert.equal(run.status, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /1 passing/);
    });
});

// The Pulumi warnings a mocha suite's program logs, captured instead of printed, for suites that assert on them.
import * as pulumi from "@pulumi/pulumi";

/**
 * Call inside a `describe`: registers hooks that route `pulumi.log.warn` into the returned list for the whole suite
 * (restored after it) and empty the list before each test.
 */
export function captureWarnings(): string[] {
    const warnings: string[] = [];
    const original = pulumi.log.warn;
    before(() => {
        pulumi.log.warn = (msg: string) => {
            warnings.push(msg);
            return Promise.resolve();
        };
    });
    after(() => {
        pulumi.log.warn = original;
    });
    beforeEach(() => {
        warnings.length = 0;
    });
    return warnings;
}

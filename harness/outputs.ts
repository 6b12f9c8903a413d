// Reading Outputs in tests. Output.promise() and isKnown are SDK internals, but they are the only way to tell an
// unknown value (preview) from a resolved one without hanging on an apply that never runs.
import * as pulumi from "@pulumi/pulumi";

interface OutputInternals<T> {
    promise(): Promise<T>;
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
}

/** The resolved value of an Output (undefined while unknown). */
export function valueOf<T>(output: pulumi.Output<T> | pulumi.Input<T>): Promise<T> {
    return (pulumi.output(output) as unknown as OutputInternals<T>).promise();
}

/** Whether an Output's value is known (false for computed values during preview). */
export function isKnown(output: pulumi.Output<unknown>): Promise<boolean> {
    return (output as unknown as OutputInternals<unknown>).isKnown;
}

/** Whether an Output is secret. */
export function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
    return (output as unknown as OutputInternals<unknown>).isSecret;
}

// Errors for bad arguments, and the collector that lets validation report every problem at once.
//
// Validators throw an InvalidArgumentError for the first thing wrong with one field; ArgumentProblems runs many such
// checks, keeps going after a failure, and ends with one error that lists them all (like pulumi-eks's use of the
// SDK's InputPropertiesError), so an operator fixes a config in one round instead of one field per `pulumi up`.

/**
 * A bad argument to one of this package's resources, found before anything was created.
 *
 * The component turns it into a `pulumi.ResourceError` so that Pulumi prints the message against the resource
 * without a stack trace. The message always starts with the argument's path (for example `access.emails[2]`) and
 * ends with what to do about it.
 */
export class InvalidArgumentError extends Error {
    /** The argument path, e.g. `awsIssuerUrl` or `identityCenter.users[3].email`. */
    public readonly field: string;
    /** What is wrong and how to fix it: the message without the leading `<field>: `. */
    public readonly reason: string;

    constructor(field: string, message: string) {
        super(`${field}: ${message}`);
        this.name = "InvalidArgumentError";
        this.field = field;
        this.reason = message;
    }
}

/**
 * Several bad arguments, found together. The message is one line per problem after a count, each line starting with
 * the argument's path; `problems` holds them in the order the arguments are documented.
 */
export class InvalidArgumentsError extends Error {
    /** Every problem found, each naming its field. */
    public readonly problems: readonly InvalidArgumentError[];

    constructor(problems: readonly InvalidArgumentError[]) {
        super(`${problems.length} invalid arguments:\n${problems.map((p) => `  - ${p.message}`).join("\n")}`);
        this.name = "InvalidArgumentsError";
        this.problems = problems;
    }
}

/** Collects the problems of many independent checks. */
export class ArgumentProblems {
    private readonly found: InvalidArgumentError[] = [];

    /**
     * Runs `check`; when it throws an InvalidArgumentError (or an InvalidArgumentsError), records the problems and
     * returns undefined. Any other exception is a bug and propagates.
     */
    check<T>(check: () => T): T | undefined {
        try {
            return check();
        } catch (err) {
            if (err instanceof InvalidArgumentError) this.found.push(err);
            else if (err instanceof InvalidArgumentsError) this.found.push(...err.problems);
            else throw err;
            return undefined;
        }
    }

    /** Records a problem directly. */
    add(problem: InvalidArgumentError): void {
        this.found.push(problem);
    }

    /** The problems found so far. */
    get list(): readonly InvalidArgumentError[] {
        return this.found;
    }

    /** Throws when anything was found: the single problem itself, or an InvalidArgumentsError listing them all. */
    throwIfAny(): void {
        if (this.found.length === 1) throw this.found[0];
        if (this.found.length > 1) throw new InvalidArgumentsError([...this.found]);
    }
}

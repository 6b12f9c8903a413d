// Lint rules: typescript-eslint's recommended set, plus the project's own rules where they catch real mistakes.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["dist/", "node_modules/", "examples/**/node_modules/", "plugin/lib/", "plugin/node_modules/", "**/*.d.ts"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: {
            ecmaVersion: 2022,
            sourceType: "module",
            globals: {
                require: "readonly",
                module: "writable",
                process: "readonly",
                __dirname: "readonly",
                console: "readonly",
                Buffer: "readonly",
                setTimeout: "readonly",
                clearTimeout: "readonly",
                URL: "readonly",
            },
        },
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            eqeqeq: ["error", "always", { null: "ignore" }],
            "no-console": "off",
            // Our errors deliberately carry the reason in the message and no `cause`: Pulumi and the CLI print the
            // message, and a cause would drag a library's stack trace into what an operator reads.
            "preserve-caught-error": "off",
        },
    },
    {
        // The public API must stay free of `any`; test doubles and the mock harness may use it.
        files: ["tests/**/*.ts", "harness/**/*.ts", "bench/**/*.ts", "demo/**/*.ts"],
        rules: {
            "@typescript-eslint/no-explicit-any": "off",
            "@typescript-eslint/no-non-null-assertion": "off",
            // Tests load untyped helpers (require-from-string) and modules lazily.
            "@typescript-eslint/no-require-imports": "off",
        },
    },
    {
        files: ["**/*.js"],
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
);

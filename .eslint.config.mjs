// ESLint flat config (kept as a dotfile: the design card fixes the top level).
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "build-tsc/**", "test-output/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "No dangerouslySetInnerHTML." },
        // no-implied-eval only knows timers declared as globals; our TS config declares none.
        {
          selector:
            "CallExpression:matches([callee.name=/^set(Timeout|Interval)$/], [callee.object.name=/^(window|globalThis|self)$/][callee.property.name=/^set(Timeout|Interval)$/]):matches([arguments.0.value=type(string)], [arguments.0.type='TemplateLiteral'])",
          message: "No string timers: they evaluate code (pass a function).",
        },
        // Safari before 16.4 (Office on Mac) cannot parse a lookbehind: the whole bundle fails to load.
        { selector: "Literal[regex.pattern=/\\(\\?<[=!]/]", message: "No regex lookbehind (Safari < 16.4, Office on Mac): see test/build/syntax.test.ts." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Office.js may only be used in src/excel (and the simulated host that imitates it).
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window", "CustomFunctions"],
      "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "@fluentui/*", "../excel/*", "../taskpane/*"] }],
    },
  },
);

import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "test-results/**", "playwright-report/**", ".cache/**", "data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // esbuild (the Remix compiler) cannot tree-shake zod's `z` re-export: it bundles every
      // locale and the JSON-schema converters (103 KiB gz on the sign-in page, 39 KiB with *).
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
          message: "Write `import * as z from \"zod\"`.",
        },
        {
          // A body that is not a form would throw a 500 from here; readForm answers 400.
          selector: "CallExpression[callee.property.name='formData'][callee.object.name='request']",
          message: "Read a posted form with readForm(request) from ~/utils/form.server.",
        },
      ],
    },
  },
  // React's hook rules belong to the app; Playwright fixtures also call a function named `use`.
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Route and component modules reach the browser: building schemas there ships zod (39 KiB gz) to
  // every page, and the engine barrel would ship the MDX parser. Loaders use *.server.ts helpers.
  {
    files: ["app/routes/**/*.{ts,tsx}", "app/components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: "Parse input in a *.server.ts module, or use the form schemas in ~/accounts/forms." },
            { name: "~/engine", allowTypeImports: true, message: "Import constants from ~/engine/types; the engine itself is server-side." },
          ],
        },
      ],
    },
  },
  // Routes call use cases (app/<feature>/*.server.ts); only those reach models and SQL.
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~/models/*", "#db/*", "sqlite3"], message: "Routes call a use-case module in app/<feature>/*.server.ts, never models or the database." },
          ],
        },
      ],
    },
  },
);

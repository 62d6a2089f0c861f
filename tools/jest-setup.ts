// Runs after the Jest environment is ready, before each test file: adds `expect(element).toBeAccessible()`.
import { registerSa11yMatcher } from "@sa11y/jest";

registerSa11yMatcher();

import { describe, expect, it } from "vitest";
import { buildBundledTexts } from "./build";
import { DISPOSABLE_BLOCKLIST_TEXT } from "../../shared/lists/bundled/disposable-blocklist";
import { FREE_PROVIDERS_TEXT } from "../../shared/lists/bundled/free-providers";
import { ROLE_LOCAL_PARTS_TEXT } from "../../shared/lists/bundled/role-local-parts";
import { LIST_SOURCES } from "./sources";

describe("the bundled lists", () => {
  const built = buildBundledTexts(LIST_SOURCES);

  it("match the installed packages (after an update, run: npm run lists:generate)", () => {
    expect(DISPOSABLE_BLOCKLIST_TEXT).toBe(built.disposableBlocklist);
    expect(FREE_PROVIDERS_TEXT).toBe(built.freeProviders);
    expect(ROLE_LOCAL_PARTS_TEXT).toBe(built.roleLocalParts);
  });

  it("drop person names from the role list", () => {
    const roles = ROLE_LOCAL_PARTS_TEXT.split("\n");
    expect(roles).toContain("postmaster");
    expect(roles).not.toContain("sydney");
  });

  it("hold several hundred roles and thousands of domains", () => {
    expect(ROLE_LOCAL_PARTS_TEXT.split("\n").length).toBeGreaterThan(500);
    expect(FREE_PROVIDERS_TEXT.split("\n").length).toBeGreaterThan(5000);
    expect(DISPOSABLE_BLOCKLIST_TEXT.split("\n").length).toBeGreaterThan(5000);
  });
});

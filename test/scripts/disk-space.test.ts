// scripts/disk-space.js: `npm test` says first when the disk is too full for a whole run.
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { freeBytes, lowSpaceWarning, NEEDED } from "../../scripts/disk-space.js";

describe("lowSpaceWarning", () => {
  it("names the folder, what is free and what a run needs", () => {
    expect(lowSpaceWarning("temporary folder", "/tmp", 391_000_000, NEEDED.temp)).toBe(
      "test: only 391 MB free for the temporary folder (/tmp); a whole run needs about " +
        "1,000 MB there. Free some space, or set TMPDIR to a folder on a larger disk.",
    );
    expect(lowSpaceWarning("project", "/p", 12_500_000, NEEDED.project)).toBe(
      "test: only 12 MB free for the project (/p); a whole run needs about 500 MB there. " +
        "Free some space.",
    );
  });

  it("says nothing when there is room, or when the free space is unknown", () => {
    expect(lowSpaceWarning("project", "/p", NEEDED.project, NEEDED.project)).toBeNull();
    expect(lowSpaceWarning("temporary folder", "/tmp", null, NEEDED.temp)).toBeNull();
  });
});

describe("freeBytes", () => {
  it("reads the free space of a folder's file system, and null for a folder that is not there", () => {
    expect(freeBytes(tmpdir())).toBeGreaterThan(0);
    expect(freeBytes("/no/such/folder")).toBeNull();
  });
});

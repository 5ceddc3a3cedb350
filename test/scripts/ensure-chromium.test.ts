// scripts/ensure-chromium.js, the first step of `npm test`: finds Chromium, installs Debian's
// package when it may (root with apt-get), or says in one message what to run.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { missingMessage, plan } from "../../scripts/ensure-chromium.js";

const script = fileURLToPath(new URL("../../scripts/ensure-chromium.js", import.meta.url));

describe("plan", () => {
  it("uses a Chromium that is there, installs only as root with apt-get, else explains", () => {
    const base = { found: false, isRoot: true, hasApt: true, pathSet: false };
    expect(plan({ ...base, found: true })).toBe("found");
    expect(plan(base)).toBe("install");
    expect(plan({ ...base, isRoot: false })).toBe("message");
    expect(plan({ ...base, hasApt: false })).toBe("message");
    expect(plan({ ...base, pathSet: true }), "a wrong CHROMIUM_PATH is reported").toBe("message");
  });
});

describe("missingMessage", () => {
  it("says exactly what to run, in Dutch and English", () => {
    const user = missingMessage("/usr/bin/chromium", { isRoot: false, hasApt: true });
    expect(user).toContain("Chromium ontbreekt (/usr/bin/chromium)");
    expect(user).toContain("Chromium is missing");
    expect(user).toContain("sudo apt-get update && sudo apt-get install -y chromium");
    expect(missingMessage("/x", { isRoot: true, hasApt: true })).toContain(
      "Run:  apt-get update && apt-get install -y chromium",
    );
    expect(missingMessage("/x", { isRoot: false, hasApt: false })).toContain(
      "CHROMIUM_PATH=/pad/naar/chromium npm test",
    );
  });
});

describe("scripts/ensure-chromium.js", () => {
  it("exits 0 when CHROMIUM_PATH is an executable, 1 with the message when it is not", () => {
    const ok = spawnSync(process.execPath, [script], {
      env: { ...process.env, CHROMIUM_PATH: process.execPath },
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain(`chromium: ${process.execPath}`);
    const missing = spawnSync(process.execPath, [script], {
      env: { ...process.env, CHROMIUM_PATH: "/nergens/chromium" },
      encoding: "utf8",
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("Chromium ontbreekt (/nergens/chromium)");
  });
});

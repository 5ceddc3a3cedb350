import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { alive } from "../../src/refresh/lock.ts";

/** The real command-line entry point, as a user runs it. */
export const BIN = fileURLToPath(new URL("../../bin/regiomonitor.js", import.meta.url));

export interface Child {
  readonly pid: number;
  /** Resolves with the exit code (null when killed) and the signal. */
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly stderr: string[];
  readonly stdout: string[];
  kill(signal: NodeJS.Signals): void;
}

/**
 * Starts `node bin/regiomonitor.js ARGS` as a child process; `onLine` sees each stderr line as
 * it arrives (progress lines), so a test can act at a given stage.
 */
export function startCli(
  args: readonly string[],
  onLine: (line: string, child: Child) => void = () => {},
  env: NodeJS.ProcessEnv = {},
): Child {
  const proc = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  const stdout: string[] = [];
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    proc.on("close", (code, signal) => done({ code, signal })),
  );
  const child: Child = {
    pid: proc.pid!,
    exit,
    stderr,
    stdout,
    kill: (signal) => proc.kill(signal),
  };
  let partial = "";
  proc.stderr.setEncoding("utf8").on("data", (text: string) => {
    const lines = (partial + text).split("\n");
    partial = lines.pop()!;
    for (const line of lines) {
      stderr.push(line);
      onLine(line, child);
    }
  });
  proc.stdout.setEncoding("utf8").on("data", (text: string) => stdout.push(text));
  return child;
}

/** Runs the command line to the end, or kills it after `limitMs` (then `timedOut`). */
export async function runCli(args: readonly string[], limitMs = 120_000) {
  const child = startCli(args);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, limitMs);
  const { code, signal } = await child.exit;
  clearTimeout(timer);
  const stderr = child.stderr.join("\n");
  return { code, signal, timedOut, stderr, stdout: child.stdout.join("") };
}

/** A process id that no process has now (what a killed refresh leaves in its lock). */
export function deadPid(): number {
  for (let pid = 32_000; pid > 1000; pid--) if (!alive(pid)) return pid;
  throw new Error("no free process id");
}

/** Files a refresh must not leave behind: locks, staging, journals, moved-aside folders. */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => /\.(lock|prev|publish\.json|tmp|stale)$|\.new-/.test(n));
}

// Runs before each test file: the temporary folders a file made are removed when it ends, so a
// whole run needs the disk of its largest file, not of all files together.
import { afterAll } from "vitest";
import { removeTempDirs } from "./temp.ts";

afterAll(removeTempDirs);

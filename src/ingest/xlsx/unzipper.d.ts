// The part of unzipper 0.10 (exceljs's own zip library) that the workbook reader uses: the
// central directory of a zip file, each entry opened on its own.
declare module "unzipper" {
  import type { Readable } from "node:stream";

  export interface CentralDirectoryFile {
    readonly path: string;
    readonly type: "File" | "Directory";
    stream(password?: string): Readable;
  }

  export interface CentralDirectory {
    readonly files: readonly CentralDirectoryFile[];
  }

  const unzipper: {
    readonly Open: { file(path: string): Promise<CentralDirectory> };
  };
  export default unzipper;
}

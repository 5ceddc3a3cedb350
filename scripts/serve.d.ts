import type { IncomingMessage, Server, ServerResponse } from "node:http";

/** A running server over a folder of built files. */
export interface StaticServer {
  server: Server;
  /** e.g. `http://127.0.0.1:3000/` */
  url: string;
  close(): Promise<void>;
}

export declare function siteHandler(
  dir: string,
): (request: IncomingMessage, response: ServerResponse) => void;
export declare function startServer(dir: string, port?: number): Promise<StaticServer>;

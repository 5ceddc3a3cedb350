import type { IncomingMessage, Server, ServerResponse } from "node:http";

export declare const CONTENT_TYPES: Record<string, string>;

/** A running server over a folder of built files. */
export interface StaticServer {
  server: Server;
  /** e.g. `http://127.0.0.1:3000/` */
  url: string;
  close(): Promise<void>;
}

export declare function resolveFile(dir: string, pathname: string): Promise<string | null>;
export declare function handle(
  dir: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void>;
export declare function startServer(dir: string, port?: number): Promise<StaticServer>;

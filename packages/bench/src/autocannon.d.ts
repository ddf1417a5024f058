/**
 * The part of autocannon 9's API the benchmark uses (autocannon ships no types of its own):
 * run with a callback, one request template with its per-request setup and response check,
 * and the 'response' event.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Request {
      method?: 'GET' | 'POST';
      path?: string;
      body?: string | Buffer;
      headers?: Record<string, string>;
      /** Called before each request is sent; returns the request to send. */
      setupRequest?: (request: Request, context: object) => Request;
      /** Called with each answer's status and whole body. */
      onResponse?: (status: number, body: string, context: object, headers: Record<string, string>) => void;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      headers?: Record<string, string>;
      requests?: Request[];
    }

    interface Result {
      /** Connection errors, timeouts included. */
      errors: number;
      timeouts: number;
      non2xx: number;
      duration: number;
    }

    /** Emits 'response' with (client, statusCode, bytes, responseTime in ms) for each answer. */
    type Instance = EventEmitter;
  }

  function autocannon(options: autocannon.Options, callback: (error: unknown, result: autocannon.Result) => void): autocannon.Instance;

  export = autocannon;
}

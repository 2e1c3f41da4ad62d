/**
 * What the node project's global setup (infra/local/dns/global-setup.ts) hands the tests
 * through vitest's `inject`. Declared here, beside the tests that read it, so both tsconfigs
 * see it.
 */
declare module "vitest" {
  export interface ProvidedContext {
    /** The local DNS peer's DoH URL; null where unbound or dnsdist is not installed. */
    dnsPeerUrl: string | null;
    /** Base URL of the misbehaving stub upstreams (see infra/local/dns/stub-upstreams.ts). */
    stubUpstreamsUrl: string;
    /** The local DNS peer's plain DNS server (`127.0.0.1:PORT`), for Node's own resolver; null like dnsPeerUrl. */
    dnsPeerServer: string | null;
  }
}

export {};

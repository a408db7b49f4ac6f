import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { RequestFilteringAgentOptions } from 'request-filtering-agent';

export type TargetVerdict = { allowed: true; agent: RequestFilteringAgentOptions } | { allowed: false; reason: string };

/**
 * Which addresses a webhook may reach. Private, loopback and link-local addresses are refused after
 * DNS resolution (by the filtering agent, on every hop of a redirect too) unless WEBHOOK_ALLOW_PRIVATE
 * names the host or a range holding the address; plain http only goes to such named targets.
 */
export class WebhookTargets {
  private readonly hosts: Set<string>;
  private readonly ranges: string[];

  constructor(allowList: readonly string[]) {
    this.hosts = new Set(allowList.filter((entry) => !entry.includes('/') && isIP(entry) === 0).map((host) => host.toLowerCase()));
    this.ranges = allowList.filter((entry) => entry.includes('/') || isIP(entry) !== 0);
  }

  verdict(url: URL): TargetVerdict {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { allowed: false, reason: `refused: ${url.protocol} is not http or https` };
    if (url.username || url.password) return { allowed: false, reason: 'refused: the address carries a user name or password' };
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const named = this.hosts.has(host);
    if (url.protocol === 'http:' && !named && !this.inRanges(host)) {
      return { allowed: false, reason: `refused: plain http only goes to hosts WEBHOOK_ALLOW_PRIVATE names, not ${host}` };
    }
    // A named host may resolve to any address (the operator vouches for it); otherwise only the listed ranges pass.
    return { allowed: true, agent: named ? { allowPrivateIPAddress: true } : { allowIPAddressList: this.ranges } };
  }

  private inRanges(host: string): boolean {
    if (!ipaddr.isValid(host)) return false;
    const address = ipaddr.process(host);
    return this.ranges.some((range) => {
      const [network, bits] = range.includes('/') ? ipaddr.parseCIDR(range) : [ipaddr.process(range), address.kind() === 'ipv4' ? 32 : 128];
      return network.kind() === address.kind() && address.match(network, bits);
    });
  }
}

/** The filtering agent's refusal, as opposed to a network failure worth retrying. */
export function isRefusal(error: Error): boolean {
  return /is not allowed/.test(error.message);
}

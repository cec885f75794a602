// Cloudflare Worker in front of the paragon-mcp container (configured in ../wrangler.toml).
//
// Every request goes to one container instance, the Durable Object named "default": MCP sessions,
// legacy SSE streams and setup state live in that one server's memory, so spreading requests
// over several instances would lose them. One server process serves many users.
//
// Local development: when LOCAL_UPSTREAM is set (in .dev.vars, e.g. http://127.0.0.1:3001),
// requests go to that server instead of a container. Run it with
// `npx wrangler dev --enable-containers=false` next to `swift run paragon-mcp`. Unset (the
// default, and when deployed), requests go to the container.
//
// Written against the Durable Object Container API (this.ctx.container); no npm packages.

import { DurableObject } from "cloudflare:workers";

const PORT = 3001;
const START_TIMEOUT_MS = 60_000;
const PROBE_INTERVAL_MS = 300;

// The server's variables, passed from the Worker's vars and secrets to the container when set.
const SERVER_VARIABLES = [
  "PROJECT_ID", "SIGNING_KEY", "SIGNING_KEY_PATH", "MCP_SERVER_URL", "NODE_ENV",
  "ACTIONKIT_BASE_URL", "ZEUS_BASE_URL", "PROXY_BASE_URL", "CONNECT_SDK_CDN_URL",
  "ENABLE_CUSTOM_OPENAPI_ACTIONS", "ENABLE_PROXY_API_TOOL", "ENABLE_CUSTOM_TOOL",
  "ENABLE_LEGACY_SSE", "MCP_ALLOWED_HOSTS", "MCP_ALLOWED_ORIGINS", "MCP_SESSION_IDLE_TIMEOUT_MS",
  "MCP_MAX_SESSIONS", "MCP_AUTHORIZATION_SERVERS", "LIMIT_TO_INTEGRATIONS", "LIMIT_TO_TOOLS",
  "TOOL_LIST_CACHE_TTL_SECONDS", "TOOL_LIST_PAGE_SIZE", "SETUP_LINK_TTL_SECONDS", "LOG_LEVEL", "LOG_FORMAT", "METRICS_PORT",
  "CONFIG_WATCH", "PARAGON_MCP_CONFIG",
];

export class ParagonMcpContainer extends DurableObject {
  async fetch(request) {
    try {
      await this.ready(new URL(request.url).origin);
    } catch (error) {
      return new Response(`paragon-mcp is not available: ${error.message}\n`, { status: 503 });
    }
    // Plain HTTP inside. Only the scheme changes, so the host stays the public one, which the
    // server checks against MCP_SERVER_URL.
    const url = request.url.replace(/^https:/, "http:");
    return this.ctx.container.getTcpPort(PORT).fetch(forwarded(url, request));
  }

  // Concurrent requests share one start; a container that stopped since (idle, crash, new
  // deploy) is started again.
  ready(origin) {
    if (this.up && !this.ctx.container.running) this.starting = undefined;
    this.starting ??= this.start(origin).then(
      () => { this.up = true; },
      (error) => {
        this.starting = undefined;
        throw error;
      },
    );
    return this.starting;
  }

  async start(origin) {
    this.up = false;
    const container = this.ctx.container;
    // Stop an idle container once its MCP sessions would have expired anyway.
    const idleMs = Number(this.env.MCP_SESSION_IDLE_TIMEOUT_MS) || 30 * 60 * 1000;
    await container.setInactivityTimeout(idleMs);
    if (!container.running) {
      container.start({ env: this.containerEnv(origin), enableInternet: true });
    }
    // start() returns before the server listens: poll /healthz until it answers.
    const port = container.getTcpPort(PORT);
    const deadline = Date.now() + START_TIMEOUT_MS;
    let problem = "no answer";
    while (Date.now() < deadline) {
      try {
        const response = await port.fetch(`http://localhost:${PORT}/healthz`);
        if (response.ok) return;
        problem = `/healthz answered ${response.status}`;
      } catch (error) {
        problem = error.message;
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
    }
    throw new Error(`the container did not start within ${START_TIMEOUT_MS / 1000} s (${problem}); see its logs`);
  }

  containerEnv(origin) {
    // MCP_SERVER_URL defaults to the first request's origin; set it to pin the public URL.
    const env = { MCP_SERVER_URL: origin };
    for (const name of SERVER_VARIABLES) {
      const value = this.env[name];
      if (typeof value === "string" && value !== "") env[name] = value;
    }
    return { ...env, HOST: "0.0.0.0", PORT: String(PORT) };
  }
}

export default {
  async fetch(request, env) {
    if (env.LOCAL_UPSTREAM) {
      const incoming = new URL(request.url);
      const target = new URL(incoming.pathname + incoming.search, env.LOCAL_UPSTREAM);
      return fetch(forwarded(target, request));
    }
    const stub = env.PARAGON_MCP.get(env.PARAGON_MCP.idFromName("default"));
    return stub.fetch(request);
  },
};

// The same method, headers and (streamed) body at another URL. Redirects go back to the client
// (setup pages redirect to Paragon); responses, SSE included, stream through unbuffered.
function forwarded(url, request) {
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: "manual",
  });
}

/*
 * paragon_mcp_plugin.h — the tool-provider ABI of paragon-mcp, version 1.3.
 *
 * This header is the whole contract between the paragon-mcp host and a tool provider. A provider
 * is a shared library that the host loads with dlopen(RTLD_NOW | RTLD_LOCAL) and never unloads.
 * It needs nothing but this header and libc:
 *
 *     cc -std=c11 -shared -fPIC -fvisibility=hidden -Wall -Werror -Wl,-z,defs \
 *        -I path/to/Sources/PluginABI/include -o libmyprovider.so myprovider.c
 *
 * OVERVIEW
 *   1. The host calls the one exported symbol, paragon_mcp_provider_v1(), and checks the
 *      descriptor's ABI version before touching anything else.
 *   2. For each configuration it calls provider->create() with a host table (services) and
 *      receives an instance, or an error message.
 *   3. It calls instance->list_tools() and instance->call_tool(); the provider answers each with
 *      exactly one host->complete() carrying the call's id.
 *   4. It calls instance->destroy() after the last completion of that instance.
 *
 * CONVENTIONS (they hold for every function below unless its comment says otherwise)
 *   - Text is UTF-8 with an explicit byte length and is NOT NUL-terminated. Only the static
 *     identifiers of the descriptor (name, version, description) and service ids are
 *     NUL-terminated C strings.
 *   - Structured data crosses as UTF-8 JSON with an explicit length.
 *   - Borrowed means: valid only for the duration of the function call (or, for data handed to a
 *     callback, of that callback). Anything kept longer must be copied. Each side frees only what
 *     it allocated; nothing is ever freed across the boundary.
 *   - Enumerations travel in int32_t fields.
 *   - Structures that may grow start with `struct_size`, set by whoever fills the structure to
 *     sizeof() of the version it was compiled against. A reader uses a field only if
 *     struct_size >= offsetof(field) + sizeof(field); fields are only ever appended within a
 *     major version. PARAGON_MCP_HAS_FIELD() performs that check.
 *   - Nothing here throws, longjmps or exits. Failures are status codes and messages.
 *
 * VERSIONING
 *   The major version changes only when an existing declaration changes meaning or layout; the
 *   entry symbol carries it (_v1), so a future major can be exported beside this one. The minor
 *   version counts additions. The host refuses a provider whose major differs from its own, or
 *   whose minor is newer than its own, naming the library and both versions.
 *   1.1 added: the `limits` member of config_json, and the integration "*" for tools that act
 *   on several integrations (see list_tools' RESULT).
 *   1.2 added: host->log_call(), a log line about one call, tagged with its request id.
 *   1.3 added: host->log_level(), the lowest level the host writes for the provider, so that a
 *   provider can skip building a line the host would drop.
 *
 * THREADS
 *   [any-thread]   may be called from any thread, concurrently with any other call.
 *   [load-thread]  called from the host's loading thread, never concurrently with another call
 *                  on the same instance.
 *   Providers must not block a thread in list_tools, call_tool or cancel: the host calls them
 *   on the threads that serve its network I/O. Start the work (typically with the host's HTTP
 *   service) and return.
 */

#ifndef PARAGON_MCP_PLUGIN_H
#define PARAGON_MCP_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PARAGON_MCP_ABI_MAJOR 1
#define PARAGON_MCP_ABI_MINOR 3

/* The one symbol a provider exports, and its name for dlsym(). */
#define PARAGON_MCP_ENTRY_SYMBOL "paragon_mcp_provider_v1"

/* Marks the entry symbol visible when the library is built with -fvisibility=hidden. */
#if defined(_WIN32)
#define PARAGON_MCP_EXPORT __declspec(dllexport)
#else
#define PARAGON_MCP_EXPORT __attribute__((visibility("default")))
#endif

/* True when a structure filled by the other side is large enough to hold `field`. */
#define PARAGON_MCP_HAS_FIELD(ptr, type, field) \
    ((ptr) != NULL && (ptr)->struct_size >= offsetof(type, field) + sizeof(((type *)0)->field))

typedef struct paragon_mcp_version {
    uint32_t major;
    uint32_t minor;
} paragon_mcp_version;

/* ------------------------------------------------------------------------------------------ */
/* Status codes, log levels, outcome kinds                                                    */
/* ------------------------------------------------------------------------------------------ */

/* Returned by create(). */
enum paragon_mcp_status {
    PARAGON_MCP_OK = 0,
    PARAGON_MCP_ERROR = 1, /* failure; the error buffer says why */
};

/* Levels for host->log(), host->log_call() and host->log_level(); the same scale as swift-log. */
enum paragon_mcp_log_level {
    PARAGON_MCP_LOG_TRACE = 0,
    PARAGON_MCP_LOG_DEBUG = 1,
    PARAGON_MCP_LOG_INFO = 2,
    PARAGON_MCP_LOG_NOTICE = 3,
    PARAGON_MCP_LOG_WARNING = 4,
    PARAGON_MCP_LOG_ERROR = 5,
    PARAGON_MCP_LOG_CRITICAL = 6,
};

/*
 * What a list_tools or call_tool ends with (paragon_mcp_outcome.kind), and what `data` holds.
 *
 * RESULT
 *   list_tools: a JSON array of tool descriptors:
 *       [{"name": "SLACK_SEND_MESSAGE",           required; unique across all providers
 *         "integration": "slack",                  required; the host filters on it. "*": the
 *                                                  tool acts on integrations named in its
 *                                                  arguments; LIMIT_TO_INTEGRATIONS does not
 *                                                  hide it, and the provider must enforce the
 *                                                  config's `limits` on its arguments
 *         "description": "...",                    optional
 *         "title": "...",                          optional
 *         "inputSchema": {"type": "object", ...},  required; a JSON Schema object
 *         "outputSchema": {"type": "object", ...}, optional; any other type drops the tool.
 *                                                  The host checks results' structuredContent
 *                                                  against it; a result that does not conform
 *                                                  goes out as its content only, isError true
 *         "annotations": {...}}]                   optional; MCP tool annotations
 *   call_tool: a JSON object shaped like an MCP CallToolResult:
 *       {"content": [{"type": "text", "text": "..."}, ...],  required
 *        "structuredContent": {...},                          optional
 *        "isError": false}                                    optional
 * TOOL_ERROR
 *   call_tool only: the tool ran and failed in a way the agent should read (bad arguments for
 *   the upstream API, a refused request). `data` is a UTF-8 message for the agent.
 * NEEDS_CONNECTION
 *   call_tool only: the user has not connected the integration. `data` is the integration's
 *   name (for example "slack"); the host answers with a link where the user can connect it.
 * UPSTREAM_FAILURE
 *   An upstream service answered with an error or could not be reached. `http_status` is its
 *   HTTP status (0 when there was no response) and `data` a UTF-8 message.
 * INTERNAL_ERROR
 *   The provider failed in itself. `data` is a UTF-8 message; the host logs it and tells the
 *   client only that the provider failed.
 */
enum paragon_mcp_outcome_kind {
    PARAGON_MCP_OUTCOME_RESULT = 0,
    PARAGON_MCP_OUTCOME_TOOL_ERROR = 1,
    PARAGON_MCP_OUTCOME_NEEDS_CONNECTION = 2,
    PARAGON_MCP_OUTCOME_UPSTREAM_FAILURE = 3,
    PARAGON_MCP_OUTCOME_INTERNAL_ERROR = 4,
};

/* Filled by the provider, read by the host during host->complete() only. */
typedef struct paragon_mcp_outcome {
    uint32_t struct_size;
    int32_t kind;        /* enum paragon_mcp_outcome_kind */
    int32_t http_status; /* UPSTREAM_FAILURE: the upstream status, 0 for none; else ignored */
    const char *data;    /* borrowed; see the kinds above; may be NULL when data_len is 0 */
    size_t data_len;
} paragon_mcp_outcome;

/* ------------------------------------------------------------------------------------------ */
/* Per-call context                                                                           */
/* ------------------------------------------------------------------------------------------ */

/*
 * Who a call is for and until when. Filled by the host; borrowed: valid only during the
 * list_tools/call_tool call that receives it. Copy what you keep (call_id is a plain integer).
 */
typedef struct paragon_mcp_call_context {
    uint32_t struct_size;
    /* Identifies this call in host->complete(), instance->cancel() and HTTP requests. Never 0;
     * never reused within the process. */
    uint64_t call_id;
    /* The end user's id (the token's `sub`). Never NULL; may be empty for provider-level
     * listings that are not made for a user. */
    const char *user_id;
    size_t user_id_len;
    /* The end user's Paragon user token (a JWT), to send upstream as `Authorization: Bearer`.
     * Never NULL; may be empty (see user_id). Secret: never log it. */
    const char *user_token;
    size_t user_token_len;
    /* The request id the host logs with this call; also sent upstream as X-Request-Id by the
     * HTTP service. Never NULL. */
    const char *request_id;
    size_t request_id_len;
    /* When the host stops waiting: CLOCK_MONOTONIC time in nanoseconds. After it the host has
     * answered the client with a timeout error and ignores a late completion (it still must
     * come, exactly once). */
    uint64_t deadline_monotonic_ns;
} paragon_mcp_call_context;

/* ------------------------------------------------------------------------------------------ */
/* The host table                                                                             */
/* ------------------------------------------------------------------------------------------ */

typedef struct paragon_mcp_host paragon_mcp_host;

/*
 * Services the host offers an instance. Host-owned; valid from create() until destroy()
 * returns. Every function is [any-thread]. `host` is always the table it was read from.
 */
struct paragon_mcp_host {
    uint32_t struct_size;
    paragon_mcp_version abi_version; /* the host's */
    void *host_data;                 /* host-private; do not touch */

    /*
     * The provider's configuration: a JSON object, borrowed for the life of the table.
     *     {"name": "<the provider's key in config.yaml>",
     *      "config": {...},              the provider's own `config:` section, as written
     *      "configDirectory": "/...",    the folder of config.yaml, for relative paths
     *      "paragon": {"projectId": "...", "actionKitURL": "...", "zeusURL": "...",
     *                  "proxyURL": "..."},
     *      "limits": {"integrations": [...], "tools": [...]}}   since 1.1; see list_tools
     */
    const char *config_json;
    size_t config_json_len;

    /* Writes a line to the host's log, tagged with the provider's name. `message` is
     * borrowed. Never put tokens or request bodies in it. */
    void (*log)(const paragon_mcp_host *host, int32_t level, const char *message,
                size_t message_len);

    /*
     * Ends the list_tools or call_tool whose context carried `call_id`. Exactly once per call,
     * from any thread, possibly before list_tools/call_tool has returned. `outcome` and the
     * data it points to are borrowed for the duration of this call only.
     * A second completion of the same id, or one for an unknown id, is logged and ignored.
     */
    void (*complete)(const paragon_mcp_host *host, uint64_t call_id,
                     const paragon_mcp_outcome *outcome);

    /*
     * Looks up an optional service by versioned id (for example PARAGON_MCP_HTTP_SERVICE_V1).
     * Returns a host-owned table valid as long as this host table, or NULL when the host does
     * not offer that service. `service_id` is a NUL-terminated string, borrowed.
     */
    const void *(*get_service)(const paragon_mcp_host *host, const char *service_id);

    /*
     * Since 1.2 (check with PARAGON_MCP_HAS_FIELD(host, paragon_mcp_host, log_call); a 1.0 or
     * 1.1 host lacks it): like log(), for a line about the call `call_id`, which the host tags
     * with that call's request id so it can be followed from the client's request to upstream.
     * For an id that is not in flight (0, or completed) it is the same as log(). `message` is
     * borrowed. Never put tokens or request bodies in it.
     */
    void (*log_call)(const paragon_mcp_host *host, uint64_t call_id, int32_t level,
                     const char *message, size_t message_len);

    /*
     * Since 1.3 (check with PARAGON_MCP_HAS_FIELD(host, paragon_mcp_host, log_level); a 1.0 to
     * 1.2 host lacks it, and a provider then logs as before and leaves the filtering to the host).
     * [any-thread], like every function of this table, and also during create().
     * Returns the lowest level (enum paragon_mcp_log_level: PARAGON_MCP_LOG_TRACE, 0, to
     * PARAGON_MCP_LOG_CRITICAL, 6) at which the host writes this provider's lines; log() and
     * log_call() with a lower level are dropped. Ask it before building a costly line (a debug
     * dump) and skip the line when its level is lower. Cheap: no lock, no allocation. Ask each
     * time rather than once at create(): a host may change its level while the instance lives.
     */
    int32_t (*log_level)(const paragon_mcp_host *host);
};

/* ------------------------------------------------------------------------------------------ */
/* Service "paragon-mcp.http/1": outbound HTTP through the host's pooled client               */
/* ------------------------------------------------------------------------------------------ */

#define PARAGON_MCP_HTTP_SERVICE_V1 "paragon-mcp.http/1"

typedef struct paragon_mcp_http_header {
    const char *name;
    size_t name_len;
    const char *value;
    size_t value_len;
} paragon_mcp_http_header;

/* Filled by the provider; borrowed by the host during send() only (the host copies it). */
typedef struct paragon_mcp_http_request {
    uint32_t struct_size;
    /* The call this request serves, or 0. With a call, the request ends no later than the
     * call's deadline, carries its request id, and is cancelled when the call is cancelled. */
    uint64_t call_id;
    const char *method; /* "GET", "POST", ...; required */
    size_t method_len;
    const char *url; /* absolute http(s) URL; required */
    size_t url_len;
    const paragon_mcp_http_header *headers; /* may be NULL when header_count is 0 */
    size_t header_count;
    const char *body; /* may be NULL when body_len is 0 */
    size_t body_len;
    uint32_t timeout_ms; /* 0: the host's default; never beyond the call's deadline */
} paragon_mcp_http_request;

/* Why a request got no HTTP response (paragon_mcp_http_response.error). */
enum paragon_mcp_http_error {
    PARAGON_MCP_HTTP_OK = 0,               /* a response arrived; see status */
    PARAGON_MCP_HTTP_ERROR_INVALID = 1,    /* the request was malformed (bad URL, method) */
    PARAGON_MCP_HTTP_ERROR_NOT_ALLOWED = 2, /* the URL's host is not on the allow-list */
    PARAGON_MCP_HTTP_ERROR_TIMEOUT = 3,    /* the timeout or the call's deadline passed */
    PARAGON_MCP_HTTP_ERROR_CONNECT = 4,    /* the connection failed or was reset */
    PARAGON_MCP_HTTP_ERROR_TOO_LARGE = 5,  /* the body exceeded the host's size cap */
    PARAGON_MCP_HTTP_ERROR_CANCELLED = 6,  /* cancelled by cancel() or by the call's cancel */
};

/* Filled by the host; borrowed by the provider during the completion callback only. */
typedef struct paragon_mcp_http_response {
    uint32_t struct_size;
    int32_t error;  /* enum paragon_mcp_http_error */
    int32_t status; /* the HTTP status when error is PARAGON_MCP_HTTP_OK, else 0 */
    const paragon_mcp_http_header *headers; /* response headers; names lower-case */
    size_t header_count;
    const char *body; /* the response body; never NULL, may be empty */
    size_t body_len;
    const char *error_message; /* when error != OK: a UTF-8 explanation; never NULL */
    size_t error_message_len;
} paragon_mcp_http_response;

/*
 * Called exactly once per send(), from any thread, possibly before send() returns.
 * `user_data` is what was given to send(); `response` is borrowed for this call only.
 */
typedef void (*paragon_mcp_http_callback)(void *user_data,
                                          const paragon_mcp_http_response *response);

typedef struct paragon_mcp_http_service_v1 {
    uint32_t struct_size;
    /*
     * [any-thread] Starts a request and returns a handle for cancel() (never 0). Failures
     * (including a host outside the provider's allow-list) are reported through `callback`,
     * never by the return value. `request` is borrowed; `user_data` is passed through as is.
     */
    uint64_t (*send)(const paragon_mcp_host *host, const paragon_mcp_http_request *request,
                     void *user_data, paragon_mcp_http_callback callback);
    /*
     * [any-thread] Cancels a request started by send(). Its callback still runs exactly once
     * (with PARAGON_MCP_HTTP_ERROR_CANCELLED unless the response won the race). A finished or
     * unknown handle is ignored.
     */
    void (*cancel)(const paragon_mcp_host *host, uint64_t handle);
} paragon_mcp_http_service_v1;

/* ------------------------------------------------------------------------------------------ */
/* The instance (provider-owned)                                                              */
/* ------------------------------------------------------------------------------------------ */

typedef struct paragon_mcp_instance paragon_mcp_instance;

/*
 * Created by provider->create(), owned by the provider, valid until destroy() returns.
 * `self` is always the instance the function was read from.
 */
struct paragon_mcp_instance {
    uint32_t struct_size;
    void *provider_data; /* provider-private; the host never touches it */

    /*
     * [any-thread] Lists the tools this instance offers to the user in `context`, ending with
     * host->complete(context->call_id, RESULT with a JSON array). Lists may differ per user.
     * `context` is borrowed for this call only.
     */
    void (*list_tools)(const paragon_mcp_instance *self, const paragon_mcp_call_context *context);

    /*
     * [any-thread] Runs a tool for the user in `context`, ending with host->complete(). Calls
     * may overlap, on one instance and for one user. The host has already checked that the
     * tool is one this instance listed for this user and validated the arguments against its
     * input schema. `tool_name` and `arguments_json` (a JSON object) are borrowed for this call
     * only.
     */
    void (*call_tool)(const paragon_mcp_instance *self, const paragon_mcp_call_context *context,
                      const char *tool_name, size_t tool_name_len, const char *arguments_json,
                      size_t arguments_json_len);

    /*
     * [any-thread] Asks that an in-flight list or call stop early (the client went away or
     * cancelled). The completion must still come, exactly once; INTERNAL_ERROR or any outcome
     * is fine, the host discards it. An id that already completed is ignored. May be NULL:
     * the host then only stops waiting. HTTP requests made with this call_id are cancelled by
     * the host on its own.
     */
    void (*cancel)(const paragon_mcp_instance *self, uint64_t call_id);

    /*
     * [load-thread] Frees the instance. Called once, after every list_tools and call_tool of
     * this instance has completed (or been abandoned past its deadline). The host table
     * given to create() stays valid until destroy() returns, not after.
     */
    void (*destroy)(const paragon_mcp_instance *self);
};

/* ------------------------------------------------------------------------------------------ */
/* The provider descriptor and the entry symbol                                               */
/* ------------------------------------------------------------------------------------------ */

typedef struct paragon_mcp_provider paragon_mcp_provider;

/* Static: owned by the provider library, valid for the life of the process. */
struct paragon_mcp_provider {
    uint32_t struct_size;
    paragon_mcp_version abi_version; /* PARAGON_MCP_ABI_MAJOR / _MINOR the provider was built with */
    const char *name;        /* NUL-terminated, e.g. "actionkit"; never NULL */
    const char *version;     /* NUL-terminated, the provider's own version; never NULL */
    const char *description; /* NUL-terminated, one line; may be NULL */
    void *provider_data;     /* provider-private, static; the host never touches it */

    /*
     * [load-thread] Creates an instance. `host` stays valid until that instance's destroy()
     * returns; the provider keeps the pointer. On success sets *out_instance and returns
     * PARAGON_MCP_OK. On failure returns PARAGON_MCP_ERROR, leaves *out_instance NULL and
     * writes a NUL-terminated UTF-8 message for the user into `error`, at most
     * `error_capacity` bytes including the NUL (the buffer is host-owned and borrowed).
     * The host may call create() several times (one instance per configuration reload).
     * Host services other than log() and log_level() must not be used before create() returns.
     */
    int32_t (*create)(const paragon_mcp_provider *provider, const paragon_mcp_host *host,
                      const paragon_mcp_instance **out_instance, char *error,
                      size_t error_capacity);
};

/*
 * The entry point: returns the provider's static descriptor; never NULL. The host calls it
 * once, on its loading thread, right after dlopen(); it must not call back into the host.
 */
typedef const paragon_mcp_provider *(*paragon_mcp_entry_fn)(void);

PARAGON_MCP_EXPORT const paragon_mcp_provider *paragon_mcp_provider_v1(void);

#ifdef __cplusplus
}
#endif

#endif /* PARAGON_MCP_PLUGIN_H */

/*
 * A paragon-mcp tool provider in plain C, built against paragon_mcp_plugin.h alone.
 *
 * Tools (integration "example"):
 *   EXAMPLE_ECHO      {"text": string}  answers with the text.
 *   EXAMPLE_HTTP_GET  {"path": string}  GETs <base_url><path> through the host's HTTP service
 *                                      and answers with the status and body.
 *
 * Config (config.yaml):   providers: { example: { library: ./libexample_provider.so,
 *                                       config: { base_url: "http://127.0.0.1:8080" },
 *                                       http: { allowed_hosts: ["127.0.0.1"] } } }
 * Build: see README.md beside this file.
 */
#include <paragon_mcp_plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Small JSON helpers (enough for this example's flat objects) -------------------------- */

/* Finds "key": "value" in `json` and copies the unescaped value into a malloc'd string. */
static char *json_get_string(const char *json, size_t len, const char *key) {
    char pattern[128];
    int n = snprintf(pattern, sizeof pattern, "\"%s\"", key);
    if (n <= 0 || (size_t)n >= sizeof pattern) return NULL;
    for (size_t i = 0; i + (size_t)n <= len; i++) {
        if (memcmp(json + i, pattern, (size_t)n) != 0) continue;
        size_t j = i + (size_t)n;
        while (j < len && (json[j] == ' ' || json[j] == ':' || json[j] == '\t' || json[j] == '\n')) j++;
        if (j >= len || json[j] != '"') return NULL;
        j++;
        char *out = malloc(len - j + 1);
        if (!out) return NULL;
        size_t k = 0;
        while (j < len && json[j] != '"') {
            if (json[j] == '\\' && j + 1 < len) {
                j++;
                out[k++] = json[j] == 'n' ? '\n' : json[j] == 't' ? '\t' : json[j];
            } else {
                out[k++] = json[j];
            }
            j++;
        }
        out[k] = '\0';
        return out;
    }
    return NULL;
}

/* Appends `text` (length `len`) to `out` as a JSON string body, escaped. Returns bytes written
 * (at most 6 * len). */
static size_t json_escape(char *out, const char *text, size_t len) {
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '"' || c == '\\') {
            out[k++] = '\\';
            out[k++] = (char)c;
        } else if (c < 0x20) {
            k += (size_t)sprintf(out + k, "\\u%04x", c);
        } else {
            out[k++] = (char)c;
        }
    }
    return k;
}

/* Completes a call with a single text content item. */
static void complete_text(const paragon_mcp_host *host, uint64_t call_id, const char *prefix,
                          const char *text, size_t len) {
    size_t prefix_len = strlen(prefix);
    char *json = malloc(64 + 6 * (prefix_len + len));
    if (!json) return;
    size_t k = (size_t)sprintf(json, "{\"content\":[{\"type\":\"text\",\"text\":\"");
    k += json_escape(json + k, prefix, prefix_len);
    k += json_escape(json + k, text, len);
    k += (size_t)sprintf(json + k, "\"}]}");
    paragon_mcp_outcome outcome = {sizeof outcome, PARAGON_MCP_OUTCOME_RESULT, 0, json, k};
    host->complete(host, call_id, &outcome);
    free(json);
}

static void complete_error(const paragon_mcp_host *host, uint64_t call_id, int32_t kind,
                           int32_t status, const char *message) {
    paragon_mcp_outcome outcome = {sizeof outcome, kind, status, message, strlen(message)};
    host->complete(host, call_id, &outcome);
}

/* ---- The instance --------------------------------------------------------------------------- */

typedef struct example {
    const paragon_mcp_host *host;
    const paragon_mcp_http_service_v1 *http; /* NULL when the host offers no HTTP */
    char *base_url;
    paragon_mcp_instance instance;
} example;

static const char TOOLS[] =
    "[{\"name\":\"EXAMPLE_ECHO\",\"integration\":\"example\","
    "\"description\":\"Answers with the text it is given.\","
    "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},"
    "\"required\":[\"text\"]}},"
    "{\"name\":\"EXAMPLE_HTTP_GET\",\"integration\":\"example\","
    "\"description\":\"GETs a path of the configured base URL and answers with status and body.\","
    "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},"
    "\"required\":[\"path\"]}}]";

static void list_tools(const paragon_mcp_instance *self, const paragon_mcp_call_context *context) {
    example *ex = self->provider_data;
    paragon_mcp_outcome outcome = {sizeof outcome, PARAGON_MCP_OUTCOME_RESULT, 0, TOOLS,
                                   sizeof TOOLS - 1};
    ex->host->complete(ex->host, context->call_id, &outcome);
}

/* What an HTTP request needs to finish its call: copied, since the context is borrowed. */
typedef struct pending_get {
    const paragon_mcp_host *host;
    uint64_t call_id;
} pending_get;

static void on_http_done(void *user_data, const paragon_mcp_http_response *response) {
    pending_get *pending = user_data;
    if (response->error != PARAGON_MCP_HTTP_OK) {
        char message[512];
        snprintf(message, sizeof message, "request failed: %.*s", (int)response->error_message_len,
                 response->error_message);
        complete_error(pending->host, pending->call_id, PARAGON_MCP_OUTCOME_UPSTREAM_FAILURE, 0,
                       message);
    } else {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "HTTP %d\n", response->status);
        complete_text(pending->host, pending->call_id, prefix, response->body, response->body_len);
    }
    free(pending);
}

static void call_tool(const paragon_mcp_instance *self, const paragon_mcp_call_context *context,
                      const char *tool_name, size_t tool_name_len, const char *arguments,
                      size_t arguments_len) {
    example *ex = self->provider_data;
    if (tool_name_len == 12 && memcmp(tool_name, "EXAMPLE_ECHO", 12) == 0) {
        char *text = json_get_string(arguments, arguments_len, "text");
        if (!text) {
            complete_error(ex->host, context->call_id, PARAGON_MCP_OUTCOME_TOOL_ERROR, 0,
                           "text is required");
            return;
        }
        complete_text(ex->host, context->call_id, "", text, strlen(text));
        free(text);
        return;
    }
    if (tool_name_len == 16 && memcmp(tool_name, "EXAMPLE_HTTP_GET", 16) == 0) {
        char *path = json_get_string(arguments, arguments_len, "path");
        if (!path || !ex->http || !ex->base_url) {
            complete_error(ex->host, context->call_id, PARAGON_MCP_OUTCOME_TOOL_ERROR, 0,
                           !path ? "path is required" : "no base_url configured or no HTTP service");
            free(path);
            return;
        }
        size_t url_len = strlen(ex->base_url) + strlen(path);
        char *url = malloc(url_len + 1);
        pending_get *pending = malloc(sizeof *pending);
        if (!url || !pending) {
            free(url);
            free(pending);
            free(path);
            complete_error(ex->host, context->call_id, PARAGON_MCP_OUTCOME_INTERNAL_ERROR, 0,
                           "out of memory");
            return;
        }
        snprintf(url, url_len + 1, "%s%s", ex->base_url, path);
        pending->host = ex->host;
        pending->call_id = context->call_id;
        paragon_mcp_http_request request = {
            .struct_size = sizeof request,
            .call_id = context->call_id,
            .method = "GET",
            .method_len = 3,
            .url = url,
            .url_len = url_len,
        };
        ex->http->send(ex->host, &request, pending, on_http_done); /* copies the request */
        free(url);
        free(path);
        return;
    }
    complete_error(ex->host, context->call_id, PARAGON_MCP_OUTCOME_TOOL_ERROR, 0, "unknown tool");
}

static void destroy(const paragon_mcp_instance *self) {
    example *ex = self->provider_data;
    free(ex->base_url);
    free(ex);
}

static int32_t create(const paragon_mcp_provider *provider, const paragon_mcp_host *host,
                      const paragon_mcp_instance **out_instance, char *error,
                      size_t error_capacity) {
    (void)provider;
    example *ex = calloc(1, sizeof *ex);
    if (!ex) {
        snprintf(error, error_capacity, "out of memory");
        return PARAGON_MCP_ERROR;
    }
    ex->host = host;
    ex->http = host->get_service(host, PARAGON_MCP_HTTP_SERVICE_V1);
    ex->base_url = json_get_string(host->config_json, host->config_json_len, "base_url");
    ex->instance = (paragon_mcp_instance){
        .struct_size = sizeof(paragon_mcp_instance),
        .provider_data = ex,
        .list_tools = list_tools,
        .call_tool = call_tool,
        .cancel = NULL, /* nothing to stop: the host cancels our HTTP requests itself */
        .destroy = destroy,
    };
    static const char hello[] = "example provider created";
    host->log(host, PARAGON_MCP_LOG_INFO, hello, sizeof hello - 1);
    *out_instance = &ex->instance;
    return PARAGON_MCP_OK;
}

static const paragon_mcp_provider DESCRIPTOR = {
    .struct_size = sizeof(paragon_mcp_provider),
    .abi_version = {PARAGON_MCP_ABI_MAJOR, PARAGON_MCP_ABI_MINOR},
    .name = "example",
    .version = "1.0.0",
    .description = "An example provider in plain C",
    .provider_data = NULL,
    .create = create,
};

PARAGON_MCP_EXPORT const paragon_mcp_provider *paragon_mcp_provider_v1(void) {
    return &DESCRIPTOR;
}

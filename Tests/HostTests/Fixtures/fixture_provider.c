/*
 * Misbehaving and edge-case providers for the loader tests, one per -D flag:
 *   FIXTURE_NO_ENTRY          exports no entry symbol
 *   FIXTURE_MAJOR=n           claims ABI major n
 *   FIXTURE_MINOR=n           claims ABI minor n
 *   FIXTURE_NEVER_COMPLETES   never completes a call (the host's deadline must answer)
 *   FIXTURE_COMPLETES_TWICE   completes every call twice
 *   FIXTURE_THREAD            completes from another thread before call_tool returns
 *   FIXTURE_CREATE_FAILS      create() fails with a message
 *   FIXTURE_DELAY_MS=n        completes calls from a detached thread after n ms
 *   FIXTURE_TOOL_NAME="..."   the name of its one tool (default FIXTURE_TOOL)
 *   FIXTURE_INTEGRATION="..." its integration (default fixture)
 *   FIXTURE_LIST_FAILS        listing fails upstream with HTTP 502 and an HTML error page
 *   FIXTURE_TOOL_SCHEMA="..." the input schema of its tool (default {"type":"object"})
 *   FIXTURE_LOG_LEVEL         create() logs "host log level <n>" (host->log_level(), ABI 1.3)
 *                             at warning, or "host has no log_level" from an older host
 *   FIXTURE_MARK_FILE="..."   call_tool creates this file, so that a test in another process
 *                             knows the call arrived
 */
#define _POSIX_C_SOURCE 200809L
#include <paragon_mcp_plugin.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef FIXTURE_MAJOR
#define FIXTURE_MAJOR PARAGON_MCP_ABI_MAJOR
#endif
#ifndef FIXTURE_MINOR
#define FIXTURE_MINOR PARAGON_MCP_ABI_MINOR
#endif
#ifndef FIXTURE_TOOL_NAME
#define FIXTURE_TOOL_NAME "FIXTURE_TOOL"
#endif
#ifndef FIXTURE_INTEGRATION
#define FIXTURE_INTEGRATION "fixture"
#endif

static int cancels; /* process-wide on purpose: read by the tests through dlsym */
static int max_in_flight; /* the most calls of FIXTURE_DELAY_MS in flight at once */
static int calls_received; /* FIXTURE_NEVER_COMPLETES: calls it was given (read by the tests) */
#ifdef FIXTURE_DELAY_MS
static int in_flight;
#endif

/* Per-instance state: one library may back several instances (one per reload). */
typedef struct fixture {
    const paragon_mcp_host *host;
    paragon_mcp_instance instance;
} fixture;

#ifndef FIXTURE_TOOL_SCHEMA
#define FIXTURE_TOOL_SCHEMA "{\"type\":\"object\"}"
#endif

static const char TOOLS[] = "[{\"name\":\"" FIXTURE_TOOL_NAME "\",\"integration\":\"" FIXTURE_INTEGRATION
                            "\",\"inputSchema\":" FIXTURE_TOOL_SCHEMA "}]";
__attribute__((unused)) static const char RESULT[] = "{\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}";

static void finish(const paragon_mcp_host *host, uint64_t call_id, const char *json, size_t len) {
    paragon_mcp_outcome outcome = {sizeof outcome, PARAGON_MCP_OUTCOME_RESULT, 0, json, len};
    host->complete(host, call_id, &outcome);
#ifdef FIXTURE_COMPLETES_TWICE
    host->complete(host, call_id, &outcome);
#endif
}

static void list_tools(const paragon_mcp_instance *self, const paragon_mcp_call_context *context) {
    const fixture *f = self->provider_data;
#ifdef FIXTURE_LIST_FAILS
    static const char PAGE[] = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    paragon_mcp_outcome failure = {sizeof failure, PARAGON_MCP_OUTCOME_UPSTREAM_FAILURE, 502, PAGE, sizeof PAGE - 1};
    f->host->complete(f->host, context->call_id, &failure);
    (void)TOOLS;
#else
    finish(f->host, context->call_id, TOOLS, sizeof TOOLS - 1);
#endif
}

#if defined(FIXTURE_THREAD) || defined(FIXTURE_DELAY_MS)
typedef struct thread_call {
    const paragon_mcp_host *host;
    uint64_t call_id;
} thread_call;

static void *complete_on_thread(void *argument) {
    thread_call *call = argument;
#ifdef FIXTURE_DELAY_MS
    struct timespec delay = {FIXTURE_DELAY_MS / 1000, (FIXTURE_DELAY_MS % 1000) * 1000000L};
    nanosleep(&delay, NULL);
    __atomic_sub_fetch(&in_flight, 1, __ATOMIC_SEQ_CST);
#endif
    finish(call->host, call->call_id, RESULT, sizeof RESULT - 1);
#ifdef FIXTURE_DELAY_MS
    free(call);
#endif
    return NULL;
}
#endif

static void call_tool(const paragon_mcp_instance *self, const paragon_mcp_call_context *context,
                      const char *name, size_t name_len, const char *arguments, size_t arguments_len) {
    const fixture *f = self->provider_data;
    (void)f; (void)name; (void)name_len; (void)arguments; (void)arguments_len;
#ifdef FIXTURE_MARK_FILE
    FILE *mark = fopen(FIXTURE_MARK_FILE, "w");
    if (mark) fclose(mark);
#endif
#if defined(FIXTURE_NEVER_COMPLETES)
    (void)context;
    __atomic_add_fetch(&calls_received, 1, __ATOMIC_SEQ_CST);
#elif defined(FIXTURE_DELAY_MS)
    thread_call *call = malloc(sizeof *call);
    if (!call) return;
    call->host = f->host;
    call->call_id = context->call_id;
    int now = __atomic_add_fetch(&in_flight, 1, __ATOMIC_SEQ_CST);
    int most = __atomic_load_n(&max_in_flight, __ATOMIC_SEQ_CST);
    while (now > most && !__atomic_compare_exchange_n(&max_in_flight, &most, now, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
    }
    pthread_t thread;
    pthread_create(&thread, NULL, complete_on_thread, call);
    pthread_detach(thread);
#elif defined(FIXTURE_THREAD)
    thread_call call = {f->host, context->call_id};
    pthread_t thread;
    pthread_create(&thread, NULL, complete_on_thread, &call);
    pthread_join(thread, NULL); /* completed before this function returns */
#else
    finish(f->host, context->call_id, RESULT, sizeof RESULT - 1);
#endif
}

static void cancel(const paragon_mcp_instance *self, uint64_t call_id) {
    (void)self; (void)call_id;
    cancels++;
}

static void destroy(const paragon_mcp_instance *self) { free(self->provider_data); }

static int32_t create(const paragon_mcp_provider *provider, const paragon_mcp_host *host,
                      const paragon_mcp_instance **out_instance, char *error, size_t capacity) {
    (void)provider;
#ifdef FIXTURE_CREATE_FAILS
    (void)host; (void)out_instance;
    (void)list_tools; (void)call_tool; (void)cancel; (void)destroy;
    snprintf(error, capacity, "the fixture refuses to start: missing api_key");
    return PARAGON_MCP_ERROR;
#else
    fixture *f = calloc(1, sizeof *f);
    if (!f) {
        snprintf(error, capacity, "out of memory");
        return PARAGON_MCP_ERROR;
    }
    f->host = host;
#ifdef FIXTURE_LOG_LEVEL
    char line[64];
    int length = PARAGON_MCP_HAS_FIELD(host, paragon_mcp_host, log_level)
                     ? snprintf(line, sizeof line, "host log level %d", (int)host->log_level(host))
                     : snprintf(line, sizeof line, "host has no log_level");
    host->log(host, PARAGON_MCP_LOG_WARNING, line, (size_t)length);
#endif
    f->instance = (paragon_mcp_instance){sizeof(paragon_mcp_instance), f, list_tools, call_tool, cancel, destroy};
    *out_instance = &f->instance;
    return PARAGON_MCP_OK;
#endif
}

static const paragon_mcp_provider DESCRIPTOR = {
    sizeof(paragon_mcp_provider), {FIXTURE_MAJOR, FIXTURE_MINOR}, "fixture", "0.0.1", NULL, NULL, create,
};

#ifndef FIXTURE_NO_ENTRY
PARAGON_MCP_EXPORT const paragon_mcp_provider *paragon_mcp_provider_v1(void) { return &DESCRIPTOR; }
#else
PARAGON_MCP_EXPORT const paragon_mcp_provider *some_other_symbol(void) { return &DESCRIPTOR; }
#endif

/* Read by the tests through dlsym: the calls a never-completing fixture was given. */
PARAGON_MCP_EXPORT int fixture_calls_received(void) { return __atomic_load_n(&calls_received, __ATOMIC_SEQ_CST); }

/* Read by the tests through dlsym to see that cancel() was called. */
PARAGON_MCP_EXPORT int fixture_cancel_count(void) { return cancels; }

/* The most calls of FIXTURE_DELAY_MS that were in flight at once. */
PARAGON_MCP_EXPORT int fixture_max_in_flight(void) { return __atomic_load_n(&max_in_flight, __ATOMIC_SEQ_CST); }

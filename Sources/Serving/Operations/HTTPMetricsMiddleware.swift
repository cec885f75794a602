import Hummingbird
import Observability

/// Counts every HTTP request by route (the matched pattern, never the raw path, so a scanner
/// cannot grow the label set), method and status, and times it to the response head.
package struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    package let metrics: ServerMetrics

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status.code, since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context, status: status, since: started)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, since started: ContinuousClock.Instant) {
        metrics.httpRequest(
            route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: status,
            duration: .now - started)
    }
}

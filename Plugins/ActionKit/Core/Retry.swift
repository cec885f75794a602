import Foundation

/// Backoff for retried listings: `Retry-After` (seconds) when the upstream gives one, else
/// 200 ms doubling; at most 4 attempts.
enum Retry {
    static let maxAttempts = 4

    static func delay(attempt: Int, retryAfter: String?) -> Duration? {
        guard attempt < maxAttempts else { return nil }
        if let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return .milliseconds(Int(seconds * 1000))
        }
        return .milliseconds(200 * (1 << (attempt - 1)))
    }
}

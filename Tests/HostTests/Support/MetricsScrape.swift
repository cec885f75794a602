import Foundation

/// A `/metrics` page read back: each sample's value by its series, written as Prometheus
/// prints it (`name{label="value",...}`).
struct MetricsScrape {
    let text: String
    private(set) var samples: [String: Double] = [:]

    init(_ text: String) {
        self.text = text
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            samples[String(line[..<space])] = value
        }
    }

    /// The sample's value; 0 for a series not (yet) reported.
    subscript(_ series: String) -> Double { samples[series] ?? 0 }

    static func read(_ client: MCPTestClient, path: String = "/metrics") async throws -> MetricsScrape {
        let reply = try await client.send(.GET, path: path, accept: "text/plain")
        guard reply.status == 200 else { throw TestFailure("GET \(path): \(reply.status) \(reply.body)") }
        return MetricsScrape(reply.body)
    }
}

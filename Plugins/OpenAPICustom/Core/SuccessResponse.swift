import ParagonAPI
import ProviderKit

/// Which declared answer of an operation describes its result, for its output schema. The
/// Responses Object (OAS 3.0.3 §4.7.16, 3.1 §4.8.16) maps status codes, ranges (`2XX`) and
/// `default` to Response Objects; a success is a 2xx. The order read:
/// 1. `200`, then `201`, then the other `2xx` codes in numeric order (`202`, `203`, ...);
/// 2. then the range `2XX` (any case; OAS: an explicit code wins over its range);
/// 3. never `default`: it stands for every status the document does not list, errors too.
/// The first of them whose content has a JSON media type with a schema is the one used.
enum SuccessResponse {
    /// The keys of `responses` that may describe a success, in the order they are read.
    static func statuses(in responses: [String: JSONValue]) -> [String] {
        let codes = responses.keys.filter { key in
            key.utf8.count == 3 && key.hasPrefix("2") && key.allSatisfy(\.isASCII) && key.allSatisfy(\.isNumber)
        }
        let explicit = codes.sorted { rank($0) < rank($1) }
        let ranges = responses.keys.filter { $0.uppercased() == "2XX" }.sorted()
        return explicit + ranges
    }

    /// `200` before `201` before the other codes, which keep numeric order.
    private static func rank(_ code: String) -> (Int, Int) {
        let number = Int(code) ?? 299
        switch number {
        case 200: return (0, number)
        case 201: return (1, number)
        default: return (2, number)
        }
    }

    /// The JSON media type of a Response Object's `content` whose schema describes the answer:
    /// `application/json` (any parameters), else the first other JSON type in key order (a
    /// `+json` type such as `application/vnd.api+json`, or `text/json`), as ``MediaType``
    /// and ``ResultContent`` read an answer's Content-Type. Nil when none has a schema.
    static func jsonMediaType(in content: [String: JSONValue]) -> String? {
        let json = content.keys.filter { MediaType($0).isJSON && content[$0]?["schema"] != nil }.sorted()
        return json.first { MediaType($0).essence == "application/json" } ?? json.first
    }
}

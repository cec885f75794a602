// bench-tool-search: the evaluation of search mode's ranking (bench/run prints its figures).
//
//   bench-tool-search --tools NAME=FILE [--tools NAME=FILE ...] --queries FILE [--repeat N]
//
// Each FILE is a tool list as `paragon-mcp tools --json` prints it; the queries file is
// bench/search/queries.json (each query names its catalog, the right tools and its kind). The
// index is built as the server builds it (MCPCore's search documents, ToolSearch's index), one
// per list; every query is run once for the scores, then all of the largest list's queries
// `repeat` times for the latency. Prints one JSON object: per list its tools and index build
// time; recall@1, recall@5 and MRR overall, by catalog and by kind; search latency p50 and p99
// in microseconds; and the queries whose right tool was not in the first five.
import Foundation
import JSONCore
import MCPCore
import ToolSearch

struct Query {
    var text: String
    var catalog: String
    var expected: Set<String>
    var kind: String
}

struct Score {
    var count = 0
    var top1 = 0
    var top5 = 0
    var reciprocalRanks = 0.0

    mutating func add(rank: Int?) {
        count += 1
        if rank == 1 { top1 += 1 }
        if let rank, rank <= 5 { top5 += 1 }
        if let rank { reciprocalRanks += 1 / Double(rank) }
    }

    var json: JSONValue {
        let n = Double(max(count, 1))
        return [
            "queries": .integer(count), "recall1": .number(Double(top1) / n), "recall5": .number(Double(top5) / n),
            "mrr": .number(reciprocalRanks / n),
        ]
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bench-tool-search: \(message)\n".utf8))
    exit(2)
}

func readJSON(_ path: String) -> JSONValue {
    guard let data = FileManager.default.contents(atPath: path), let value = try? JSONValue.parse(Array(data)) else {
        fail("cannot read JSON from \(path)")
    }
    return value
}

/// A tool list as `paragon-mcp tools --json` prints it, read back into the registry's tools.
func tools(in list: JSONValue, file: String) -> [Tool] {
    (list.arrayValue ?? []).compactMap { entry in
        guard var object = entry.objectValue else { return nil }
        object["integration"] = object["_meta"]?["integration"] ?? "*"
        guard case .success(let tool) = Tool.decode(.object(object), provider: file) else { return nil }
        return tool
    }
}

func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
}

var lists: [(name: String, file: String)] = []
var queriesFile: String?
var repeatCount = 20
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--tools":
        guard let value = arguments.popFirst(), let split = value.firstIndex(of: "=") else { fail("--tools NAME=FILE") }
        lists.append((String(value[..<split]), String(value[value.index(after: split)...])))
    case "--queries": queriesFile = arguments.popFirst()
    case "--repeat": repeatCount = arguments.popFirst().flatMap(Int.init) ?? repeatCount
    default: fail("unknown argument \(argument)")
    }
}
guard let queriesFile, !lists.isEmpty else { fail("needs --tools NAME=FILE and --queries FILE") }

let queries = (readJSON(queriesFile).arrayValue ?? []).compactMap { entry -> Query? in
    guard let text = entry["query"]?.stringValue, let catalog = entry["catalog"]?.stringValue else { return nil }
    let expected = Set((entry["expected"]?.arrayValue ?? []).compactMap(\.stringValue))
    return Query(text: text, catalog: catalog, expected: expected, kind: entry["kind"]?.stringValue ?? "other")
}

var indexes: [String: (index: ToolSearchIndex, tools: [Tool])] = [:]
var catalogs: [String: JSONValue] = [:]
for (name, file) in lists {
    let listed = tools(in: readJSON(file), file: file)
    let documents = listed.map(\.searchDocument)
    var builds: [Double] = []
    var built: ToolSearchIndex?
    for _ in 0..<3 {
        let started = ContinuousClock.now
        do {
            built = try ToolSearchIndex(documents)
        } catch {
            fail("\(error)")
        }
        builds.append(microseconds(ContinuousClock.now - started) / 1000)
    }
    indexes[name] = (built!, listed)
    catalogs[name] = ["tools": .integer(listed.count), "buildMs": .number(builds.sorted()[1])]
}

var overall = Score()
var byCatalog: [String: Score] = [:]
var byKind: [String: Score] = [:]
var misses: [JSONValue] = []
for query in queries {
    guard let (index, _) = indexes[query.catalog] else { continue }
    // The first ten, whose first five are what SEARCH_TOOLS answers by default (a search's
    // order does not depend on its limit).
    let hits: [SearchHit]
    do {
        hits = try index.search(query.text, limit: 10)
    } catch {
        fail("\(error)")
    }
    let rank = hits.firstIndex { query.expected.contains($0.name) }.map { $0 + 1 }
    overall.add(rank: rank)
    byCatalog[query.catalog, default: Score()].add(rank: rank)
    byKind[query.kind, default: Score()].add(rank: rank)
    if rank == nil || rank! > 5 {
        misses.append([
            "query": .string(query.text), "kind": .string(query.kind),
            "expected": .array(query.expected.sorted().map { .string($0) }),
            "got": .array(hits.prefix(5).map { .string($0.name) }),
        ])
    }
}

// Latency on the largest list: every one of its queries, `repeatCount` times.
let largest = indexes.max { ($0.value.tools.count, $1.key) < ($1.value.tools.count, $0.key) }!
let timed = queries.filter { $0.catalog == largest.key }
var durations: [Double] = []
for _ in 0..<repeatCount {
    for query in timed {
        let started = ContinuousClock.now
        do {
            _ = try largest.value.index.search(query.text, limit: 5)
        } catch {
            fail("\(error)")
        }
        durations.append(microseconds(ContinuousClock.now - started))
    }
}
durations.sort()

let report: JSONValue = [
    "catalogs": .object(catalogs),
    "overall": overall.json,
    "byCatalog": .object(byCatalog.mapValues(\.json)),
    "byKind": .object(byKind.mapValues(\.json)),
    "latency": [
        "catalog": .string(largest.key), "tools": .integer(largest.value.tools.count),
        "searches": .integer(durations.count), "p50Us": .number(percentile(durations, 0.5)),
        "p99Us": .number(percentile(durations, 0.99)),
    ],
    "misses": .array(misses),
]
print(String(decoding: report.encoded(), as: UTF8.self))

import Foundation
import JSONCore
import Logging
import Synchronization

/// One JSON object per line on standard error: `time`, `level`, `label`, `message`, then the
/// metadata (`provider`, `request`, `session`, ...), for log shippers.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    /// Serializes the handlers' writes to standard error: one per logging system, shared by
    /// every handler it makes.
    let output: StandardErrorOutput

    init(label: String, output: StandardErrorOutput) {
        self.label = label
        self.output = output
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [String: JSONValue] = [:]
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        for (key, value) in merged {
            fields[key] = Self.json(value)
        }
        fields["time"] = .string(
            Date.now.formatted(.iso8601.time(includingFractionalSeconds: true).year().month().day()))
        fields["level"] = .string(event.level.rawValue)
        fields["label"] = .string(label)
        fields["message"] = .string("\(event.message)")
        var line = JSONValue.object(fields).encoded()
        line.append(UInt8(ascii: "\n"))
        let data = Data(line)
        output.write(data)
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let item): .string(item.description)
        case .array(let items): .array(items.map(json))
        case .dictionary(let members): .object(members.mapValues(json))
        }
    }
}

/// Standard error, written one whole line at a time by the handlers of one logging system.
final class StandardErrorOutput: Sendable {
    private let lock = Mutex(())

    func write(_ data: Data) {
        lock.withLock { _ in FileHandle.standardError.write(data) }
    }
}

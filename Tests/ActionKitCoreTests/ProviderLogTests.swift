import PluginABI
import Testing

@testable import ProviderKit

/// ProviderKit's logging asks the host's level first (ABI 1.3 `log_level`) and builds no line
/// the host would drop; a host of ABI 1.2 or older, whose table ends before `log_level`, gets
/// every line as before. ProviderKit's tests live in this target, which links it.
@Suite struct ProviderLogTests {
    @Test func aDebugLineIsNotBuiltWhenTheHostWritesInfo() throws {
        let fake = FakeHost(level: PARAGON_MCP_LOG_INFO)
        let host = try fake.providerHost()
        var built: [String] = []
        func line(_ text: String) -> String {
            built.append(text)
            return text
        }
        #expect(host.logLevel == .info)
        host.log(.debug, line("a costly dump"))
        host.log(.trace, line("a costlier dump"))
        host.log(.info, line("loaded 3 specs"))
        #expect(built == ["loaded 3 specs"])
        #expect(fake.lines == [FakeHost.Line(level: 2, text: "loaded 3 specs")])
        #expect(fake.levelAsks == 4)
    }

    @Test func aDebugLineIsWrittenWhenTheHostWritesDebug() throws {
        let fake = FakeHost(level: PARAGON_MCP_LOG_DEBUG)
        let host = try fake.providerHost()
        #expect(host.logs(.debug) && !host.logs(.trace))
        host.log(.debug, "running action SLACK_SEND_MESSAGE")
        #expect(fake.lines == [FakeHost.Line(level: 1, text: "running action SLACK_SEND_MESSAGE")])
    }

    /// A host older than 1.3 is never asked (its table has no `log_level`) and filters itself.
    @Test func aHostWithoutLogLevelGetsEveryLine() throws {
        let size = MemoryLayout<paragon_mcp_host>.offset(of: \.log_level)!
        let fake = FakeHost(level: PARAGON_MCP_LOG_CRITICAL, structSize: size)
        let host = try fake.providerHost()
        var built = 0
        func line() -> String {
            built += 1
            return "a costly dump"
        }
        #expect(host.logLevel == .trace)
        host.log(.debug, line())
        #expect(built == 1)
        #expect(fake.lines == [FakeHost.Line(level: 1, text: "a costly dump")])
        #expect(fake.levelAsks == 0)
    }

    @Test func aLevelOffTheScaleIsClamped() {
        #expect(LogLevel(host: 9) == .critical)
        #expect(LogLevel(host: -1) == .trace)
        #expect(LogLevel(host: Int32(PARAGON_MCP_LOG_WARNING.rawValue)) == .warning)
    }
}

/// A host table whose functions record what the provider asks and writes.
private final class FakeHost {
    struct Line: Equatable {
        var level: Int32
        var text: String
    }

    let level: Int32
    var levelAsks = 0
    var lines: [Line] = []
    private let table: UnsafeMutablePointer<paragon_mcp_host>
    private let json: UnsafeMutableBufferPointer<CChar>

    /// A host writing `level` and above; `structSize` below the full table plays an older host.
    init(level: paragon_mcp_log_level, structSize: Int = MemoryLayout<paragon_mcp_host>.size) {
        self.level = Int32(level.rawValue)
        let document = Array(
            (#"{"name":"test","configDirectory":"/tmp","paragon":{"projectId":"p","actionKitURL":"http://a","#
                + #""zeusURL":"http://z","proxyURL":"http://p"}}"#).utf8)
        json = .allocate(capacity: document.count)
        _ = json.initialize(from: document.map { CChar(bitPattern: $0) })
        table = .allocate(capacity: 1)
        table.initialize(
            to: paragon_mcp_host(
                struct_size: UInt32(structSize),
                abi_version: paragon_mcp_version(major: 1, minor: UInt32(PARAGON_MCP_ABI_MINOR)),
                host_data: nil, config_json: json.baseAddress, config_json_len: json.count,
                log: { table, level, message, length in
                    FakeHost.from(table).record(level, message, length)
                },
                complete: { _, _, _ in }, get_service: { _, _ in nil },
                log_call: { table, _, level, message, length in
                    FakeHost.from(table).record(level, message, length)
                },
                log_level: { table in
                    let fake = FakeHost.from(table)
                    fake.levelAsks += 1
                    return fake.level
                }))
        table.pointee.host_data = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        table.deinitialize(count: 1).deallocate()
        json.deallocate()
    }

    func providerHost() throws -> ProviderHost { try ProviderHost(table: table) }

    private func record(_ level: Int32, _ message: UnsafePointer<CChar>?, _ length: Int) {
        lines.append(
            Line(
                level: level,
                text: String(decoding: UnsafeRawBufferPointer(start: message, count: length), as: UTF8.self)))
    }

    private static func from(_ table: UnsafePointer<paragon_mcp_host>?) -> FakeHost {
        Unmanaged<FakeHost>.fromOpaque(table!.pointee.host_data).takeUnretainedValue()
    }
}

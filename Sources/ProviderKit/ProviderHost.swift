import Foundation
import PluginABI

/// The host's services, as the ABI hands them to one provider instance. Thread-safe.
public struct ProviderHost: @unchecked Sendable {
    // The table is host-owned and valid until the instance is destroyed; every function in it
    // may be called from any thread (see paragon_mcp_plugin.h), hence @unchecked Sendable.
    let table: UnsafePointer<paragon_mcp_host>
    let document: ConfigDocument

    /// The provider's key in config.yaml.
    public var name: String { document.name }
    /// The provider's own `config:` section, as written (an empty object when absent).
    public var config: JSONValue { document.config ?? .object([:]) }
    /// The folder of config.yaml, against which relative paths resolve.
    public var configDirectory: String { document.configDirectory }
    /// Where Paragon is.
    public var paragon: ParagonSettings { document.paragon }
    /// The host's `LIMIT_TO_*` (empty from a host older than ABI 1.1).
    public var limits: HostLimits { document.limits ?? HostLimits() }

    init(table: UnsafePointer<paragon_mcp_host>) throws {
        self.table = table
        let bytes = UnsafeRawBufferPointer(
            start: table.pointee.config_json, count: table.pointee.config_json_len)
        do {
            self.document = try JSONDecoder().decode(ConfigDocument.self, from: Data(bytes))
        } catch {
            throw ProviderError.internalError("the host's configuration document is unreadable: \(error)")
        }
    }

    /// Decodes the provider's `config:` section into `type`.
    public func decodeConfig<T: Decodable>(_ type: T.Type) throws -> T {
        let data = try JSONEncoder().encode(config)
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// The host's HTTP client, or nil when the host does not offer it.
    public var http: ProviderHTTPClient? {
        guard let service = table.pointee.get_service(table, PARAGON_MCP_HTTP_SERVICE_V1) else {
            return nil
        }
        return ProviderHTTPClient(
            host: table, service: service.assumingMemoryBound(to: paragon_mcp_http_service_v1.self))
    }

    func complete(callID: UInt64, kind: paragon_mcp_outcome_kind, status: Int = 0, data: [UInt8]) {
        data.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var outcome = paragon_mcp_outcome(
                    struct_size: UInt32(MemoryLayout<paragon_mcp_outcome>.size),
                    kind: Int32(kind.rawValue), http_status: Int32(clamping: status),
                    data: chars.baseAddress, data_len: chars.count)
                table.pointee.complete(table, callID, &outcome)
            }
        }
    }
}

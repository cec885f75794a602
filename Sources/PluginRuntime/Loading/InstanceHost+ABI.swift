import Logging
import MCPCore
import Observability
import PluginABI

/// The host table's functions. Each finds its InstanceHost through `host_data`.
extension InstanceHost {
    package static let logEntry:
        @convention(c) (UnsafePointer<paragon_mcp_host>?, Int32, UnsafePointer<CChar>?, Int)
            -> Void = { table, level, message, length in
                InstanceHost.from(table)?.log(level: level, message, length, callID: 0)
            }

    package static let logCallEntry:
        @convention(c) (UnsafePointer<paragon_mcp_host>?, UInt64, Int32, UnsafePointer<CChar>?, Int)
            -> Void = { table, callID, level, message, length in
                InstanceHost.from(table)?.log(level: level, message, length, callID: callID)
            }

    /// `log_level` (ABI 1.3): the provider logger's level on the header's scale, which is
    /// swift-log's order (trace 0 ... critical 6). A table that lost its host answers trace.
    package static let logLevelEntry: @convention(c) (UnsafePointer<paragon_mcp_host>?) -> Int32 = { table in
        guard let host = InstanceHost.from(table) else { return Int32(PARAGON_MCP_LOG_TRACE.rawValue) }
        return Int32(Logger.Level.allCases.firstIndex(of: host.logger.logLevel) ?? 0)
    }

    /// A provider's log line; one about a call in flight carries that call's request id.
    private func log(level: Int32, _ message: UnsafePointer<CChar>?, _ length: Int, callID: UInt64) {
        let text =
            message.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
        let logLevel = Logger.Level.allCases[Int(min(max(level, 0), 6))]
        // A provider reports what it recovered from (a spec operation skipped) at warning, and
        // what does not work at error: in `check`, those lines are its diagnostics.
        if logLevel >= .warning, let diagnostics = runtime.diagnostics {
            diagnostics.report(
                Diagnostic(logLevel >= .error ? .error : .warning, at: .provider(providerName), text))
        }
        guard callID != 0, let call = callInfo(callID) else {
            logger.log(level: logLevel, "\(text)")
            return
        }
        logger.log(level: logLevel, "\(text)", metadata: ["request": "\(call.requestID)"])
    }

    package static let completeEntry:
        @convention(c) (
            UnsafePointer<paragon_mcp_host>?, UInt64, UnsafePointer<paragon_mcp_outcome>?
        ) -> Void = { table, callID, outcome in
            guard let host = InstanceHost.from(table) else { return }
            host.complete(callID, ProviderOutcome(outcome))
        }

    package static let getServiceEntry:
        @convention(c) (UnsafePointer<paragon_mcp_host>?, UnsafePointer<CChar>?)
            -> UnsafeRawPointer? = { table, serviceID in
                guard let serviceID, let host = InstanceHost.from(table) else { return nil }
                switch String(cString: serviceID) {
                case PARAGON_MCP_HTTP_SERVICE_V1: return host.runtime.http.table
                default: return nil
                }
            }
}

extension ProviderOutcome {
    /// Copies a borrowed C outcome.
    package init(_ outcome: UnsafePointer<paragon_mcp_outcome>?) {
        guard let outcome,
            outcome.pointee.struct_size >= MemoryLayout<paragon_mcp_outcome>.offset(of: \.data_len)!
                + MemoryLayout<Int>.size
        else {
            self = .internalError("the provider completed with a NULL or truncated outcome")
            return
        }
        let value = outcome.pointee
        let bytes: [UInt8] = value.data.map { Array(UnsafeRawBufferPointer(start: $0, count: value.data_len)) } ?? []
        let text = String(decoding: bytes, as: UTF8.self)
        switch UInt32(bitPattern: value.kind) {
        case PARAGON_MCP_OUTCOME_RESULT.rawValue: self = .result(bytes)
        case PARAGON_MCP_OUTCOME_TOOL_ERROR.rawValue: self = .toolError(text)
        case PARAGON_MCP_OUTCOME_NEEDS_CONNECTION.rawValue: self = .needsConnection(integration: text)
        case PARAGON_MCP_OUTCOME_UPSTREAM_FAILURE.rawValue:
            self = .upstreamFailure(status: Int(value.http_status), message: text)
        case PARAGON_MCP_OUTCOME_INTERNAL_ERROR.rawValue: self = .internalError(text)
        default: self = .internalError("the provider completed with unknown outcome kind \(value.kind)")
        }
    }
}

import Foundation
import PluginABI
import Synchronization

/// One instance as the host sees it: the C instance table and the Swift provider behind it.
final class InstanceBox: Sendable {
    let provider: any ToolProvider
    let host: ProviderHost
    /// Tasks in flight by call id, so that cancel() reaches them.
    private let tasks = Mutex<[UInt64: Task<Void, Never>]>([:])

    private init(provider: any ToolProvider, host: ProviderHost) {
        self.provider = provider
        self.host = host
    }

    /// Allocates the C instance; it owns a retain of the box until destroy().
    static func make(provider: any ToolProvider, host: ProviderHost) -> UnsafePointer<
        paragon_mcp_instance
    > {
        let box = InstanceBox(provider: provider, host: host)
        let instance = UnsafeMutablePointer<paragon_mcp_instance>.allocate(capacity: 1)
        instance.initialize(
            to: paragon_mcp_instance(
                struct_size: UInt32(MemoryLayout<paragon_mcp_instance>.size),
                provider_data: Unmanaged.passRetained(box).toOpaque(),
                list_tools: { instance, context in
                    guard let instance, let context else { return }
                    InstanceBox.from(instance).listTools(CallContext(context.pointee))
                },
                call_tool: { instance, context, name, nameLength, arguments, argumentsLength in
                    guard let instance, let context else { return }
                    let toolName = String(
                        decoding: UnsafeRawBufferPointer(start: name, count: name == nil ? 0 : nameLength),
                        as: UTF8.self)
                    let json = Data(
                        UnsafeRawBufferPointer(
                            start: arguments, count: arguments == nil ? 0 : argumentsLength))
                    InstanceBox.from(instance).callTool(
                        toolName, argumentsJSON: json, context: CallContext(context.pointee))
                },
                cancel: { instance, callID in
                    guard let instance else { return }
                    InstanceBox.from(instance).cancel(callID)
                },
                destroy: { instance in
                    guard let instance, let data = instance.pointee.provider_data else { return }
                    Unmanaged<InstanceBox>.fromOpaque(data).release()
                    UnsafeMutablePointer(mutating: instance).deinitialize(count: 1).deallocate()
                }))
        return UnsafePointer(instance)
    }

    private static func from(_ instance: UnsafePointer<paragon_mcp_instance>) -> InstanceBox {
        Unmanaged<InstanceBox>.fromOpaque(instance.pointee.provider_data).takeUnretainedValue()
    }

    private func listTools(_ context: CallContext) {
        run(context) { box in
            try await box.provider.listToolsJSON(context: context)
        }
    }

    private func callTool(_ name: String, argumentsJSON: Data, context: CallContext) {
        run(context) { box in
            let arguments: JSONValue
            do {
                arguments = try JSONValue.parse(argumentsJSON)
            } catch {
                throw ProviderError.toolError("the arguments are not valid JSON")
            }
            let result = try await box.provider.callTool(
                name: name, arguments: arguments, context: context)
            return result.json.encoded()
        }
    }

    private func cancel(_ callID: UInt64) {
        tasks.withLock { $0[callID] }?.cancel()
    }

    /// Runs `work` in a task registered under the call's id and completes the call exactly once.
    private func run(
        _ context: CallContext, _ work: @escaping @Sendable (InstanceBox) async throws -> [UInt8]
    ) {
        let callID = context.callID
        tasks.withLock { tasks in
            tasks[callID] = Task {
                let (kind, status, data): (paragon_mcp_outcome_kind, Int, [UInt8])
                do {
                    let json = try await work(self)
                    (kind, status, data) = (PARAGON_MCP_OUTCOME_RESULT, 0, json)
                } catch let error as ProviderError {
                    (kind, status, data) = Self.outcome(of: error)
                } catch {
                    (kind, status, data) = (
                        PARAGON_MCP_OUTCOME_INTERNAL_ERROR, 0, Array(String(describing: error).utf8)
                    )
                }
                self.tasks.withLock { _ = $0.removeValue(forKey: callID) }
                self.host.complete(callID: callID, kind: kind, status: status, data: data)
            }
        }
    }

    private static func outcome(of error: ProviderError) -> (paragon_mcp_outcome_kind, Int, [UInt8]) {
        switch error {
        case .toolError(let message):
            return (PARAGON_MCP_OUTCOME_TOOL_ERROR, 0, Array(message.utf8))
        case .needsConnection(let integration):
            return (PARAGON_MCP_OUTCOME_NEEDS_CONNECTION, 0, Array(integration.utf8))
        case .upstreamFailure(let status, let message):
            return (PARAGON_MCP_OUTCOME_UPSTREAM_FAILURE, status, Array(message.utf8))
        case .internalError(let message):
            return (PARAGON_MCP_OUTCOME_INTERNAL_ERROR, 0, Array(message.utf8))
        }
    }
}

extension CallContext {
    /// Copies the host's borrowed context.
    init(_ context: paragon_mcp_call_context) {
        func string(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> String {
            guard let pointer, count > 0 else { return "" }
            return String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self)
        }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nowNs = UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
        let remaining = context.deadline_monotonic_ns > nowNs ? context.deadline_monotonic_ns - nowNs : 0
        self.init(
            callID: context.call_id,
            userID: string(context.user_id, context.user_id_len),
            userToken: string(context.user_token, context.user_token_len),
            requestID: string(context.request_id, context.request_id_len),
            deadline: .now + .nanoseconds(Int64(clamping: remaining)))
    }
}

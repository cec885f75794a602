import Foundation
import JSONCore
import Logging
import MCPCore
import Observability
import PluginABI
import Settings
import Synchronization

/// A live instance of a provider: created from its configuration, listing and calling tools
/// for users, destroyed after its last call.
package final class ProviderInstance: ToolProvider {
    /// The provider's key in config.yaml.
    package let name: String
    package let library: ProviderLibrary
    package let host: InstanceHost
    private let instance: InstancePointer
    /// destroy() has begun: it runs once, however often it is asked for.
    private let destroyed = Atomic<Bool>(false)

    private init(name: String, library: ProviderLibrary, host: InstanceHost, instance: InstancePointer) {
        self.name = name
        self.library = library
        self.host = host
        self.instance = instance
    }

    /// Creates an instance of `library` for `settings`.
    package static func create(
        library: ProviderLibrary, settings: ProviderSettings, config: HostConfig, runtime: ProviderRuntime,
        logger: Logger, metrics: ServerMetrics? = nil
    ) throws(LoadError) -> ProviderInstance {
        var providerLogger = logger
        providerLogger[metadataKey: "provider"] = "\(settings.name)"
        let document: JSONValue = [
            "name": .string(settings.name),
            "config": settings.config,
            "configDirectory": .string(config.directory),
            "paragon": [
                "projectId": .string(config.paragon.projectID),
                "actionKitURL": .string(config.paragon.actionKitURL),
                "zeusURL": .string(config.paragon.zeusURL),
                "proxyURL": .string(config.paragon.proxyURL),
            ],
            "limits": [
                "integrations": .array(config.limits.integrations.map { .string($0) }),
                "tools": .array(config.limits.tools.map { .string($0) }),
            ],
        ]
        let policy = HTTPPolicy(
            settings: settings.http,
            paragonURLs: [config.paragon.actionKitURL, config.paragon.zeusURL, config.paragon.proxyURL])
        let host = InstanceHost(
            providerName: settings.name, configJSON: document.encoded(), logger: providerLogger, http: policy,
            runtime: runtime, metrics: metrics)
        var created: UnsafePointer<paragon_mcp_instance>?
        var error = [CChar](repeating: 0, count: 1024)
        let status = error.withUnsafeMutableBufferPointer { buffer in
            library.descriptor.pointee.create(
                library.descriptor, host.table, &created, buffer.baseAddress, buffer.count)
        }
        guard status == Int32(PARAGON_MCP_OK.rawValue), let created else {
            let message = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // A failed create() keeps nothing of the host's (paragon_mcp_plugin.h, create).
            host.release()
            throw .createFailed(
                provider: settings.name, path: library.path,
                message: message.isEmpty ? "create() failed without a message" : message)
        }
        let table = created.pointee
        guard table.struct_size >= MemoryLayout<paragon_mcp_instance>.size,
            table.list_tools != nil, table.call_tool != nil, table.destroy != nil
        else {
            // The provider may hold the host table: it is kept (never watched, so no timer runs).
            throw .invalidDescriptor(path: library.path, reason: "the instance is too small or lacks a function")
        }
        host.watchDeadlines()
        return ProviderInstance(
            name: settings.name, library: library, host: host,
            instance: InstancePointer(pointer: created))
    }

    /// Lists the tools offered to `user`.
    package func listTools(for user: UserIdentity, requestID: String, timeout: Duration) async -> ProviderOutcome {
        await invoke(for: user, requestID: requestID, timeout: timeout) { instance, context in
            instance.pointer.pointee.list_tools(instance.pointer, context)
        }
    }

    /// Calls tool `name` with `arguments` (a JSON object) for `user`.
    package func callTool(
        _ name: String, arguments: [UInt8], for user: UserIdentity, requestID: String, timeout: Duration
    ) async -> ProviderOutcome {
        await invoke(for: user, requestID: requestID, timeout: timeout) { instance, context in
            var name = name
            name.withUTF8 { nameBytes in
                arguments.withUnsafeBufferPointer { argumentBytes in
                    instance.pointer.pointee.call_tool(
                        instance.pointer, context,
                        UnsafeRawPointer(nameBytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                        nameBytes.count,
                        UnsafeRawPointer(argumentBytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                        argumentBytes.count)
                }
            }
        }
    }

    /// Registers a call with its deadline and hands it to the provider through `start`, with a
    /// borrowed per-call context.
    private func invoke(
        for user: UserIdentity, requestID: String, timeout: Duration,
        _ start: (InstancePointer, UnsafePointer<paragon_mcp_call_context>) -> Void
    ) async -> ProviderOutcome {
        let instance = self.instance
        let deadline = Self.deadline(after: timeout)
        return await host.perform(
            deadlineNanoseconds: deadline, requestID: requestID, onCancel: { id in instance.cancel(id) }
        ) { id in
            withContext(id: id, user: user, requestID: requestID, deadline: deadline) { context in
                start(instance, context)
            }
        }
    }

    /// Destroys the instance once no call is waiting for it (each waits at most its deadline).
    package func destroy() async {
        guard !destroyed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        await host.drain()
        instance.pointer.pointee.destroy(instance.pointer)
        host.release()
    }

    private static func deadline(after timeout: Duration) -> UInt64 {
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = UInt64(clamping: seconds) &* 1_000_000_000 &+ UInt64(clamping: attoseconds / 1_000_000_000)
        return MonotonicClock.nowNanoseconds() &+ nanoseconds
    }

    private func withContext(
        id: UInt64, user: UserIdentity, requestID: String, deadline: UInt64,
        _ body: (UnsafePointer<paragon_mcp_call_context>) -> Void
    ) {
        var userID = user.userID, token = user.token, request = requestID
        userID.withUTF8 { userBytes in
            token.withUTF8 { tokenBytes in
                request.withUTF8 { requestBytes in
                    var context = paragon_mcp_call_context(
                        struct_size: UInt32(MemoryLayout<paragon_mcp_call_context>.size), call_id: id,
                        user_id: chars(userBytes), user_id_len: userBytes.count,
                        user_token: chars(tokenBytes), user_token_len: tokenBytes.count,
                        request_id: chars(requestBytes), request_id_len: requestBytes.count,
                        deadline_monotonic_ns: deadline)
                    body(&context)
                }
            }
        }
    }

}

/// A C view of a UTF-8 buffer; never NULL, as the header promises, even for empty strings.
private func chars(_ buffer: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar> {
    let empty: StaticString = ""
    let base = buffer.baseAddress.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(empty.utf8Start)
    return base.assumingMemoryBound(to: CChar.self)
}

/// The provider's instance table; valid until destroy(), its functions callable from any thread.
package struct InstancePointer: @unchecked Sendable {
    package let pointer: UnsafePointer<paragon_mcp_instance>

    package func cancel(_ id: UInt64) {
        pointer.pointee.cancel?(pointer, id)
    }
}

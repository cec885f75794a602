import PluginABI

/// The static descriptor of a Swift provider, built once in a global `let` of the provider's
/// module and returned from its `@_cdecl("paragon_mcp_provider_v1")` function.
public final class ProviderEntry: Sendable {
    /// The descriptor to return from the entry function; valid for the life of the process.
    public var descriptor: UnsafeRawPointer { UnsafeRawPointer(pointer.pointer) }

    // The descriptor is written once here and only read afterwards; it and its strings are
    // never freed, as the ABI requires of a static descriptor.
    private let pointer: DescriptorPointer
    let factory: @Sendable (ProviderHost) throws -> any ToolProvider

    public init<Provider: ToolProvider>(
        name: StaticString, version: StaticString, description: StaticString? = nil,
        provider: Provider.Type
    ) {
        self.factory = { host in try Provider(host: host) }
        let descriptor = UnsafeMutablePointer<paragon_mcp_provider>.allocate(capacity: 1)
        descriptor.initialize(
            to: paragon_mcp_provider(
                struct_size: UInt32(MemoryLayout<paragon_mcp_provider>.size),
                abi_version: paragon_mcp_version(
                    major: UInt32(PARAGON_MCP_ABI_MAJOR), minor: UInt32(PARAGON_MCP_ABI_MINOR)),
                name: Self.cString(name), version: Self.cString(version),
                description: description.map(Self.cString),
                provider_data: nil,
                create: { descriptor, host, outInstance, error, capacity in
                    ProviderEntry.create(descriptor, host, outInstance, error, capacity)
                }))
        self.pointer = DescriptorPointer(pointer: descriptor)
        // The entry lives as long as the process: the descriptor points back at it.
        descriptor.pointee.provider_data = Unmanaged.passRetained(self).toOpaque()
    }

    private static func cString(_ string: StaticString) -> UnsafePointer<CChar> {
        // StaticString literals are NUL-terminated and stored in the image.
        UnsafeRawPointer(string.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    private static func create(
        _ descriptor: UnsafePointer<paragon_mcp_provider>?,
        _ host: UnsafePointer<paragon_mcp_host>?,
        _ outInstance: UnsafeMutablePointer<UnsafePointer<paragon_mcp_instance>?>?,
        _ error: UnsafeMutablePointer<CChar>?, _ capacity: Int
    ) -> Int32 {
        func fail(_ message: String) -> Int32 {
            if let error, capacity > 0 {
                let bytes = Array(message.utf8.prefix(capacity - 1))
                for (index, byte) in bytes.enumerated() { error[index] = CChar(bitPattern: byte) }
                error[bytes.count] = 0
            }
            return Int32(PARAGON_MCP_ERROR.rawValue)
        }
        guard let descriptor, let host, let outInstance, let data = descriptor.pointee.provider_data
        else { return fail("create() was called with a NULL argument") }
        outInstance.pointee = nil
        let entry = Unmanaged<ProviderEntry>.fromOpaque(data).takeUnretainedValue()
        do {
            let providerHost = try ProviderHost(table: host)
            let provider = try entry.factory(providerHost)
            outInstance.pointee = InstanceBox.make(provider: provider, host: providerHost)
            return Int32(PARAGON_MCP_OK.rawValue)
        } catch let error as ProviderError {
            switch error {
            case .toolError(let message), .internalError(let message),
                .upstreamFailure(_, let message):
                return fail(message)
            case .needsConnection(let integration):
                return fail("integration \(integration) is not connected")
            }
        } catch {
            return fail(String(describing: error))
        }
    }
}

/// The descriptor's address; immutable after `ProviderEntry.init`.
private struct DescriptorPointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<paragon_mcp_provider>
}

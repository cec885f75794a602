import Foundation
import PluginABI

/// A provider library opened with `dlopen` and its checked descriptor. Libraries are never
/// closed (a Swift image cannot be unloaded safely); opening the same file again finds the
/// image already loaded.
package struct ProviderLibrary: @unchecked Sendable {
    // The descriptor is static in the library, which is never unloaded, and read-only.
    package let descriptor: UnsafePointer<paragon_mcp_provider>
    package let path: String
    package let name: String
    package let version: String
    package let summary: String?
    package let abiMajor: UInt32
    package let abiMinor: UInt32

    /// Opens `path` (absolute) and checks its descriptor. A file opened before is not loaded
    /// again: `dlopen` returns the image already in the process (it is never closed).
    package static func open(path: String) throws(LoadError) -> ProviderLibrary {
        try load(path: path)
    }

    private static func load(path: String) throws(LoadError) -> ProviderLibrary {
        _ = dlerror()
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
            throw .notALibrary(path: path, reason: reason)
        }
        // Never dlclose: see ProviderLibrary's documentation.
        guard let symbol = dlsym(handle, PARAGON_MCP_ENTRY_SYMBOL) else {
            throw .missingEntry(path: path, symbol: PARAGON_MCP_ENTRY_SYMBOL)
        }
        let entry = unsafeBitCast(symbol, to: paragon_mcp_entry_fn.self)
        guard let descriptor = entry() else {
            throw .invalidDescriptor(path: path, reason: "the entry function returned NULL")
        }
        let header = descriptor.pointee
        let minimumSize =
            MemoryLayout<paragon_mcp_provider>.offset(of: \.abi_version)!
            + MemoryLayout<paragon_mcp_version>.size
        guard header.struct_size >= minimumSize else {
            throw .invalidDescriptor(path: path, reason: "struct_size \(header.struct_size) is too small")
        }
        let hostMajor = UInt32(PARAGON_MCP_ABI_MAJOR)
        let hostMinor = UInt32(PARAGON_MCP_ABI_MINOR)
        guard header.abi_version.major == hostMajor, header.abi_version.minor <= hostMinor else {
            throw .incompatibleABI(
                path: path, providerMajor: header.abi_version.major, providerMinor: header.abi_version.minor,
                hostMajor: hostMajor, hostMinor: hostMinor)
        }
        guard header.struct_size >= MemoryLayout<paragon_mcp_provider>.size else {
            throw .invalidDescriptor(
                path: path,
                reason: "struct_size \(header.struct_size) is smaller than ABI 1.0's "
                    + "\(MemoryLayout<paragon_mcp_provider>.size)")
        }
        guard let name = header.name, let version = header.version, header.create != nil else {
            throw .invalidDescriptor(path: path, reason: "name, version or create is NULL")
        }
        return ProviderLibrary(
            descriptor: descriptor, path: path, name: String(cString: name), version: String(cString: version),
            summary: header.description.map { String(cString: $0) },
            abiMajor: header.abi_version.major, abiMinor: header.abi_version.minor)
    }

}

import ProviderKit
import ProxyAPICore

let entry = ProviderEntry(
    name: "proxy", version: "0.1.0",
    description: "CALL_API_REQUEST: the agent's own requests through Paragon's Proxy API",
    provider: ProxyAPIProvider.self)

/// The provider's one exported symbol (see paragon_mcp_plugin.h).
@_cdecl("paragon_mcp_provider_v1")
public func paragonMCPProviderV1() -> UnsafeRawPointer { entry.descriptor }

import OpenAPICustomCore
import ProviderKit

let entry = ProviderEntry(
    name: "openapi", version: "0.1.0", description: "Custom actions from OpenAPI specs, through Paragon's Proxy API",
    provider: OpenAPICustomProvider.self)

/// The provider's one exported symbol (see paragon_mcp_plugin.h).
@_cdecl("paragon_mcp_provider_v1")
public func paragonMCPProviderV1() -> UnsafeRawPointer { entry.descriptor }

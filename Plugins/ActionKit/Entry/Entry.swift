import ActionKitCore
import ProviderKit

let entry = ProviderEntry(
    name: "actionkit", version: "0.1.0", description: "Paragon ActionKit: prebuilt actions for 130+ integrations",
    provider: ActionKitProvider.self)

/// The provider's one exported symbol (see paragon_mcp_plugin.h).
@_cdecl("paragon_mcp_provider_v1")
public func paragonMCPProviderV1() -> UnsafeRawPointer { entry.descriptor }

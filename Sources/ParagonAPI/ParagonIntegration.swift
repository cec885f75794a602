import ParagonModel

/// An integration of the Paragon project, as Zeus lists it.
public struct ParagonIntegration: Sendable, Equatable, Decodable {
    /// The integration's type: `slack`, `googleCalendar`, or `custom` for custom integrations.
    public var type: String
    public var id: String?
    /// Set for a custom integration.
    public var customIntegrationId: String?
    public var customIntegration: CustomIntegration?
    public var isActive: Bool?

    public struct CustomIntegration: Sendable, Equatable, Decodable {
        public var name: String?
    }

    public init(type: String, customName: String? = nil) {
        self.type = type
        if let customName {
            self.customIntegrationId = customName
            self.customIntegration = CustomIntegration(name: customName)
        }
    }

    /// The name tools, spec files and Proxy API paths use: the type for a built-in integration,
    /// `custom.` plus the lower-cased name without spaces for a custom one (`custom.spotify`).
    public var name: String {
        IntegrationKey.of(type: type, customName: customIntegrationId == nil ? nil : customIntegration?.name)
    }
}

import ProviderKit

/// What a request schema may ask for. OAS 3.0.3 §4.7.24 (`readOnly`: "SHOULD NOT be sent as
/// part of the request"; a required read-only property applies to responses only) and OAS 3.1
/// §4.8.24 / JSON Schema Validation 2020-12 §9.4: read-only properties leave request schemas,
/// with their place in `required`, at any depth (through `allOf`, `items`, branches...).
/// Write-only properties belong in requests and stay.
enum RequestSchema {
    static func strippingReadOnly(_ schema: JSONValue) -> JSONValue {
        MarkedProperties.stripping("readOnly", from: schema)
    }
}

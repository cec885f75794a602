import JSONCore

/// The checks a 2026-07-28 request passes before it is dispatched (MCP 2026-07-28, checklist
/// for servers), in the order the official Python SDK's server applies them: a repeated
/// routing header (-32020), the `_meta` envelope (-32602), headers against the body (-32020),
/// then the version (-32022). `routing` is nil on stdio, which has no headers.
package enum StatelessAdmission {
    package static func check(
        method: String, params: JSONValue?, routing: RoutingHeaders?
    ) -> Result<RequestEnvelope, JSONRPCError> {
        if let repetition = routing?.repetition { return .failure(repetition) }
        let envelope: RequestEnvelope
        switch RequestEnvelope.read(params) {
        case .success(let read): envelope = read
        case .failure(let error): return .failure(error)
        }
        if let routing,
            let mismatch = routing.mismatch(method: method, params: params, envelopeVersion: envelope.protocolVersion)
        {
            return .failure(mismatch)
        }
        guard ProtocolEra.statelessVersions.contains(envelope.protocolVersion) else {
            return .failure(.unsupportedProtocolVersion(envelope.protocolVersion, supported: ProtocolEra.allVersions))
        }
        return .success(envelope)
    }
}

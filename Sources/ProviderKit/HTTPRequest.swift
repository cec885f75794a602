import PluginABI

/// An outbound request through the host's HTTP service.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// nil: the host's default; never beyond the call's deadline.
    public var timeout: Duration?
    /// The call this request serves: it inherits the call's deadline, request id and
    /// cancellation. 0 for none.
    public var callID: UInt64

    public init(
        method: String, url: String, headers: [(name: String, value: String)] = [],
        body: [UInt8] = [], timeout: Duration? = nil, callID: UInt64 = 0
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.callID = callID
    }

    /// Calls `body` with a C view of the request, valid only inside it.
    func withCRequest<R>(_ body: (paragon_mcp_http_request) -> R) -> R {
        // One contiguous arena keeps every string alive for the duration of the call.
        var arena: [UInt8] = []
        var spans: [(offset: Int, count: Int)] = []
        func add(_ string: String) {
            spans.append((arena.count, string.utf8.count))
            arena.append(contentsOf: string.utf8)
        }
        add(method)
        add(url)
        for header in headers {
            add(header.name)
            add(header.value)
        }
        let payload = self.body
        return arena.withUnsafeBufferPointer { arenaBuffer in
            let base = UnsafeRawPointer(arenaBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
            func pointer(_ index: Int) -> UnsafePointer<CChar>? { base.map { $0 + spans[index].offset } }
            let cHeaders = headers.indices.map { index in
                paragon_mcp_http_header(
                    name: pointer(2 + 2 * index), name_len: spans[2 + 2 * index].count,
                    value: pointer(3 + 2 * index), value_len: spans[3 + 2 * index].count)
            }
            return cHeaders.withUnsafeBufferPointer { headerBuffer in
                payload.withUnsafeBufferPointer { payloadBuffer in
                    let timeoutMs =
                        timeout.map { duration in
                            UInt32(
                                clamping: duration.components.seconds * 1000
                                    + duration.components.attoseconds / 1_000_000_000_000_000)
                        } ?? 0
                    let request = paragon_mcp_http_request(
                        struct_size: UInt32(MemoryLayout<paragon_mcp_http_request>.size),
                        call_id: callID,
                        method: pointer(0), method_len: spans[0].count,
                        url: pointer(1), url_len: spans[1].count,
                        headers: headerBuffer.baseAddress, header_count: headerBuffer.count,
                        body: UnsafeRawPointer(payloadBuffer.baseAddress)?.assumingMemoryBound(
                            to: CChar.self),
                        body_len: payloadBuffer.count,
                        timeout_ms: timeoutMs)
                    return body(request)
                }
            }
        }
    }
}

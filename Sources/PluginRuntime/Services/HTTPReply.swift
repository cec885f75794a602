import PluginABI

/// The provider's callback and its user data; calls it once with a borrowed C response.
package struct HTTPReply: @unchecked Sendable {
    // user_data is the provider's, passed through untouched; the ABI makes the callback
    // callable from any thread.
    package let userData: UnsafeMutableRawPointer?
    package let callback: paragon_mcp_http_callback

    package func fail(_ code: paragon_mcp_http_error, _ message: String) {
        deliver(.failure((code, message)))
    }

    package func deliver(_ result: HTTPResult) {
        switch result {
        case .failure(let (code, message), _):
            var message = message
            let empty: StaticString = ""
            message.withUTF8 { text in
                text.withMemoryRebound(to: CChar.self) { chars in
                    var response = paragon_mcp_http_response(
                        struct_size: UInt32(MemoryLayout<paragon_mcp_http_response>.size),
                        error: Int32(code.rawValue), status: 0, headers: nil, header_count: 0,
                        body: UnsafeRawPointer(empty.utf8Start).assumingMemoryBound(to: CChar.self), body_len: 0,
                        error_message: chars.baseAddress, error_message_len: chars.count)
                    callback(userData, &response)
                }
            }
        case .response(let status, let headers, let body):
            // Lay every header string out in one buffer, then point into it.
            var arena: [UInt8] = []
            var spans: [(Int, Int, Int, Int)] = []
            for (name, value) in headers {
                let nameStart = arena.count
                arena.append(contentsOf: name.utf8)
                let valueStart = arena.count
                arena.append(contentsOf: value.utf8)
                spans.append((nameStart, name.utf8.count, valueStart, value.utf8.count))
            }
            arena.withUnsafeBufferPointer { arenaBuffer in
                let base = UnsafeRawPointer(arenaBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                let cHeaders = spans.map { span in
                    paragon_mcp_http_header(
                        name: base.map { $0 + span.0 }, name_len: span.1,
                        value: base.map { $0 + span.2 }, value_len: span.3)
                }
                cHeaders.withUnsafeBufferPointer { headerBuffer in
                    body.withUnsafeBufferPointer { bodyBuffer in
                        let empty: StaticString = ""
                        var response = paragon_mcp_http_response(
                            struct_size: UInt32(MemoryLayout<paragon_mcp_http_response>.size),
                            error: Int32(PARAGON_MCP_HTTP_OK.rawValue), status: Int32(status),
                            headers: headerBuffer.baseAddress, header_count: headerBuffer.count,
                            body: UnsafeRawPointer(
                                bodyBuffer.baseAddress
                                    ?? UnsafeRawPointer(empty.utf8Start)
                                    .assumingMemoryBound(to: UInt8.self)
                            )
                            .assumingMemoryBound(to: CChar.self),
                            body_len: bodyBuffer.count,
                            error_message: UnsafeRawPointer(empty.utf8Start).assumingMemoryBound(to: CChar.self),
                            error_message_len: 0)
                        callback(userData, &response)
                    }
                }
            }
        }
    }
}

import PluginABI

/// An HTTP response from the host's HTTP service.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names are lower-case.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name == name }?.value
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Copies a borrowed C response; a transport failure becomes ``HTTPFailure``.
    static func from(_ response: paragon_mcp_http_response) -> Result<HTTPResponse, HTTPFailure> {
        func string(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> String {
            guard let pointer, count > 0 else { return "" }
            return String(
                decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self)
        }
        guard response.error == Int32(PARAGON_MCP_HTTP_OK.rawValue) else {
            let message = string(response.error_message, response.error_message_len)
            return .failure(HTTPFailure(code: response.error, message: message))
        }
        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(response.header_count)
        for index in 0..<response.header_count {
            let header = response.headers[index]
            headers.append((string(header.name, header.name_len), string(header.value, header.value_len)))
        }
        let body =
            response.body_len == 0
            ? [] : Array(UnsafeRawBufferPointer(start: response.body, count: response.body_len))
        return .success(HTTPResponse(status: Int(response.status), headers: headers, body: body))
    }
}

import Foundation

/// A bare TCP client, for what an HTTP library hides: sending a request and hanging up.
enum RawHTTP {
    /// Sends `request` to 127.0.0.1:`port`, waits `wait`, then closes the socket unread.
    static func sendAndHangUp(port: Int, _ request: String, after wait: Duration) async throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw TestFailure("connect failed")
        }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        try await Task.sleep(for: wait)
        close(fd)
    }

    static func post(path: String, port: Int, token: String, session: String?, body: String) -> String {
        var request = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
        request += "Accept: application/json, text/event-stream\r\nAuthorization: Bearer \(token)\r\n"
        if let session { request += "Mcp-Session-Id: \(session)\r\n" }
        request += "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
        return request
    }
}

import Foundation

/// A bare TCP client, for what an HTTP library hides: sending a request and hanging up.
enum RawHTTP {
    /// A TCP socket on 127.0.0.1:`port`, connected (`bind` false) or bound (`bind` true).
    static func loopbackSocket(port: Int, bind: Bool) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind
                    ? Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    : connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw TestFailure(bind ? "cannot bind \(port)" : "cannot connect to \(port)")
        }
        return fd
    }

    static func post(
        path: String, port: Int, token: String, session: String?, body: String, headers: [(String, String)] = []
    ) -> String {
        var request = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
        request += "Accept: application/json, text/event-stream\r\nAuthorization: Bearer \(token)\r\n"
        if let session { request += "Mcp-Session-Id: \(session)\r\n" }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
        return request
    }
}

/// A bare TCP connection kept open, for what a slow or silent client does.
final class RawConnection: @unchecked Sendable {
    private let fd: Int32
    private var closed = false

    init(port: Int) throws {
        fd = try RawHTTP.loopbackSocket(port: port, bind: false)
    }

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads what arrives within `timeout`; stops early at end of stream, or once what was read
    /// satisfies `enough`.
    func read(
        for timeout: Duration, until enough: (String) -> Bool = { _ in false }
    ) async throws -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 20)
            if ready > 0 {
                var buffer = [UInt8](repeating: 0, count: 65536)
                let count = recv(fd, &buffer, buffer.count, 0)
                if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
                received += buffer[0..<count]
                if enough(String(decoding: received, as: UTF8.self)) {
                    return (String(decoding: received, as: UTF8.self), false)
                }
            } else {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        return (String(decoding: received, as: UTF8.self), false)
    }
}

/// A socket listening on 127.0.0.1:`port` and never answering: another process holding a port.
final class RawListener: @unchecked Sendable {
    private let fd: Int32

    init(port: Int) throws {
        fd = try RawHTTP.loopbackSocket(port: port, bind: true)
        guard listen(fd, 4) == 0 else {
            Glibc.close(fd)
            throw TestFailure("cannot listen on \(port)")
        }
    }

    func close() { Glibc.close(fd) }
}

extension RawHTTP {
    /// One request on a connection of its own, read to the end (`Connection: close`): for tests
    /// whose server closes idle connections quickly, where a pooled client could reuse one the
    /// server is closing. Returns the whole response: head and body.
    static func exchange(port: Int, _ request: String) async throws -> String {
        let connection = try RawConnection(port: port)
        connection.send(request)
        let (text, closed) = try await connection.read(for: .seconds(20))
        guard closed else { throw TestFailure("the response did not end: \(text)") }
        return text
    }

    static func get(port: Int, _ path: String, headers: String = "") async throws -> String {
        try await exchange(
            port: port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(headers)Connection: close\r\n\r\n")
    }
}

import Foundation
import Testing

@testable import Application

/// Slow and silent clients cannot hold the listener: over real sockets.
@Suite struct ConnectionGuardTests {
    static let quick = [
        "MCP_REQUEST_HEAD_TIMEOUT_MS": "300", "MCP_REQUEST_BODY_TIMEOUT_MS": "300",
        "MCP_KEEP_ALIVE_TIMEOUT_MS": "400",
    ]

    @Test func halfARequestHeadOrBodyIsCutOff() async throws {
        try await TestServer.with(environment: Self.quick) { server in
            // A request line and some headers, then nothing (slowloris).
            let head = try RawConnection(port: server.port)
            head.send("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: 1\r\n")
            // A whole head, then a body that stops short.
            let body = try RawConnection(port: server.port)
            body.send(
                RawHTTP.post(path: "/mcp", port: server.port, token: "t", session: nil, body: "").replacingOccurrences(
                    of: "Content-Length: 0", with: "Content-Length: 100") + "{\"jsonrpc\"")
            // Nothing at all.
            let silent = try RawConnection(port: server.port)
            for (name, connection) in [("head", head), ("body", body), ("silent", silent)] {
                let (text, closed) = try await connection.read(for: .seconds(15))
                #expect(closed, "\(name): \(text)")
            }
            let metrics = MetricsScrape(try await RawHTTP.get(port: server.port, "/metrics"))
            #expect(metrics[#"paragon_mcp_connections_timed_out_total{reason="request_head"}"#] >= 2)
            #expect(metrics[#"paragon_mcp_connections_timed_out_total{reason="request_body"}"#] >= 1)
        }
    }

    @Test func idleKeepAliveConnectionsCloseButStreamsDoNot() async throws {
        // Only the keep-alive timeout is short: 300 ms head and body timeouts can close this
        // test's first connection before its request is read and answered when the test process
        // is busy (the suite runs the server in process, on two cores, beside browsers).
        let environment = Self.quick.merging(
            ["MCP_REQUEST_HEAD_TIMEOUT_MS": "5000", "MCP_REQUEST_BODY_TIMEOUT_MS": "5000"]) { $1 }
        try await TestServer.with(environment: environment) { server in
            let idle = try RawConnection(port: server.port)
            idle.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let (answer, _) = try await idle.read(for: .seconds(20)) { $0.contains(#"{"status":"ok"}"#) }
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            let (_, closed) = try await idle.read(for: .seconds(15))
            #expect(closed, "an idle keep-alive connection outlived its timeout")

            // A server-to-client event stream lasts well beyond every timeout (raw sockets: a pooled
            // client could reuse a connection the server is closing).
            let token = try await TestTokens.sign(sub: "alice")
            let initialized = try await RawHTTP.exchange(
                port: server.port,
                RawHTTP.post(
                    path: "/mcp", port: server.port, token: token, session: nil, body: MCPTestClient.initializeBody()
                )
                .replacingOccurrences(of: "Content-Length:", with: "Connection: close\r\nContent-Length:"))
            let sessionLine = try #require(
                initialized.split(separator: "\r\n").first { $0.lowercased().hasPrefix("mcp-session-id:") })
            let session = sessionLine.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)
            let stream = try RawConnection(port: server.port)
            stream.send(
                "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer \(token)\r\nMcp-Session-Id: \(session)\r\n\r\n")
            let started = ContinuousClock.now
            // Comments come every 200 ms: four of them outlast the keep-alive timeout (400 ms).
            let (text, cut) = try await stream.read(for: .seconds(20)) {
                $0.components(separatedBy: ": keep-alive").count > 4
            }
            #expect(!cut, "the stream was cut: \(text)")
            #expect(ContinuousClock.now - started > .milliseconds(400))
        }
    }

    @Test func connectionsBeyondTheCapAreRefusedAtOnce() async throws {
        try await TestServer.with(environment: ["MCP_MAX_CONNECTIONS": "3"]) { server in
            // The probe that waited for the listener may still hold a keep-alive connection; the
            // cap counts every open connection, so fill it up from here.
            var held: [RawConnection] = []
            var refused = false
            for _ in 0..<6 where !refused {
                let connection = try RawConnection(port: server.port)
                connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                // Either the answer comes (held open, keep-alive) or the connection closes unanswered.
                let (answer, closed) = try await connection.read(for: .seconds(20)) { $0.contains(#"{"status":"ok"}"#) }
                if closed && answer.isEmpty { refused = true } else { held.append(connection) }
            }
            #expect(refused)
            #expect(held.count <= 3)
            held.removeAll()
            // Room again once connections close.
            _ = try await eventually(within: .seconds(5)) {
                (try? await MCPTestClient(base: server.base).send(.GET, path: "/healthz", accept: nil).status) == 200
            }
            let metrics = MetricsScrape(try await RawHTTP.get(port: server.port, "/metrics"))
            #expect(metrics["paragon_mcp_connections_refused_total"] >= 1)
        }
    }
}

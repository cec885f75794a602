import Foundation
import JSONCore
import Synchronization

/// MCP over standard input and output: one session, newline-delimited JSON-RPC. Requests run
/// concurrently; answers are written whole, one per line. End of input ends the session after
/// the requests in flight are answered.
final class StdioTransport: Sendable {
    let dispatcher: MCPDispatcher
    let session: MCPSession
    private let output = Mutex(FileHandle.standardOutput)

    init(dispatcher: MCPDispatcher, principal: Principal) {
        self.dispatcher = dispatcher
        self.session = MCPSession(id: MCPSession.newID(), transport: .stdio, owner: principal)
    }

    func run() async {
        // Server-to-client messages (`notifications/tools/list_changed`) go out between answers.
        let outbound = session.openOutbound().map { stream in
            Task { for await message in stream where !message.isEmpty { self.write(message) } }
        }
        defer {
            session.closeOutbound()
            outbound?.cancel()
        }
        await withTaskGroup(of: Void.self) { group in
            for await line in Self.lines() {
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                guard let value = try? JSONValue.parse(Array(line.utf8)) else {
                    write(JSONRPCEncoding.error(id: nil, .parseError()))
                    continue
                }
                if case .array = value {
                    write(JSONRPCEncoding.error(id: nil, .invalidRequest("Invalid request: batches are not supported")))
                    continue
                }
                let message = JSONRPCMessage(value)
                group.addTask { await self.handle(message) }
            }
        }
    }

    private func handle(_ message: JSONRPCMessage) async {
        let requestID = RequestIDs.next()
        guard case .request(let id, _, _) = message else {
            if let answer = await dispatcher.handle(message, session: session, requestID: requestID) { write(answer) }
            return
        }
        let dispatcher = self.dispatcher, session = self.session
        let task = Task { await dispatcher.handle(message, session: session, requestID: requestID) }
        guard session.register(id, cancel: { task.cancel() }) else {
            task.cancel()
            write(JSONRPCEncoding.error(id: id, .invalidRequest("Invalid request: id \(id) is already in use")))
            return
        }
        let answer = await task.value
        session.unregister(id)
        if let answer { write(answer) }
    }

    private func write(_ message: [UInt8]) {
        output.withLock { handle in
            handle.write(Data(message + [UInt8(ascii: "\n")]))
        }
    }

    /// Lines of standard input, read on a thread of their own (reads block); a last line without
    /// a newline counts.
    private static func lines() -> AsyncStream<String> {
        AsyncStream { continuation in
            let thread = Thread {
                while let line = readLine(strippingNewline: true) { continuation.yield(line) }
                continuation.finish()
            }
            thread.start()
        }
    }
}

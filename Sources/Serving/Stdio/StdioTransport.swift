import Foundation
import JSONCore
import MCPCore
import Synchronization

/// MCP over standard input and output: one session, newline-delimited JSON-RPC. Requests run
/// concurrently; answers are written whole, one per line. End of input ends the session after
/// the requests in flight are answered.
///
/// The first request decides the process's era (MCP 2026-07-28, stdio): one whose `_meta`
/// names a protocol version makes every later request a 2026-07-28 single exchange (see
/// `StdioTransport+Stateless.swift`); any other keeps the handshake era.
package final class StdioTransport: Sendable {
    package let dispatcher: MCPDispatcher
    package let session: MCPSession
    /// The 2026-07-28 listen streams (the server's, so tool-list changes reach them).
    package let subscriptions: ListSubscriptions
    private let output = Mutex(FileHandle.standardOutput)
    /// The era, once the first request decided it.
    let era = Mutex<ProtocolEra?>(nil)
    /// This process's open listen streams, closed at end of input.
    let listens = Mutex<Set<UInt64>>([])

    package init(dispatcher: MCPDispatcher, principal: Principal, subscriptions: ListSubscriptions) {
        self.dispatcher = dispatcher
        self.session = MCPSession(id: MCPSession.newID(), transport: .stdio, owner: principal)
        self.subscriptions = subscriptions
    }

    package func run() async {
        // Server-to-client messages (`notifications/tools/list_changed`) go out between answers.
        let outbound = session.openOutbound().map { opened in
            Task { for await message in opened.stream where !message.isEmpty { self.write(message) } }
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
                if decideEra(value) == .stateless {
                    startStateless(value, in: &group)
                    continue
                }
                if case .array(let items) = value {
                    group.addTask { await self.handleBatch(items) }
                    continue
                }
                // Registered as read, and notifications handled in order: a cancellation always
                // finds the request it names.
                let begun = dispatcher.begin(JSONRPCMessage(value), session: session)
                guard case .request = begun.message else {
                    if let answer = await dispatcher.run(begun, session: session) { write(answer) }
                    continue
                }
                group.addTask {
                    if let answer = await self.dispatcher.run(begun, session: self.session) { self.write(answer) }
                }
            }
            for token in listens.withLock({ $0 }) { subscriptions.close(token) }
        }
    }

    /// A JSON-RPC batch: answered as one array on the protocol versions that have batches
    /// (2025-03-26 and earlier), refused on later ones.
    private func handleBatch(_ items: [JSONValue]) async {
        if let refusal = JSONRPCBatch.refusal(items, protocolVersion: session.protocolVersion) {
            write(JSONRPCEncoding.error(id: nil, refusal))
            return
        }
        let begun = items.map { dispatcher.begin(JSONRPCMessage($0), session: session) }
        let answers = await JSONRPCBatch.answers(count: begun.count) { index in
            await self.dispatcher.run(begun[index], session: self.session)
        }
        if !answers.isEmpty { write(JSONRPCEncoding.batch(answers)) }
    }

    func write(_ message: [UInt8]) {
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

import JSONCore

/// JSON-RPC batches (JSON-RPC 2.0 §6): MCP 2025-03-26 requires servers to accept them, and
/// 2025-06-18 removed them. A batch is answered, on the versions that have batches, with one
/// array of the answers that are due, in the batch's order.
package enum JSONRPCBatch {
    /// The first protocol version without batches.
    package static let firstVersionWithoutBatches = "2025-06-18"

    /// Why a batch cannot be run on a session of `protocolVersion`; nil when it can.
    package static func refusal(_ items: [JSONValue], protocolVersion: String) -> JSONRPCError? {
        guard !ProtocolVersion.atLeast(protocolVersion, firstVersionWithoutBatches) else {
            return .invalidRequest(
                "Invalid request: JSON-RPC batches are not supported on protocol version \(protocolVersion)")
        }
        guard !items.isEmpty else { return .invalidRequest("Invalid request: an empty batch") }
        // MCP 2025-03-26, lifecycle: the initialize request must not be part of a batch.
        if items.contains(where: { $0["method"] == .string("initialize") }) {
            return .invalidRequest("Invalid request: initialize cannot be part of a batch")
        }
        return nil
    }

    /// Runs every member at once (`run` gets each member's index); returns the answers due, in
    /// the batch's order.
    package static func answers(count: Int, run: @escaping @Sendable (Int) async -> [UInt8]?) async -> [[UInt8]] {
        await withTaskGroup(of: (Int, [UInt8]?).self) { group in
            for index in 0..<count {
                group.addTask { (index, await run(index)) }
            }
            var answers = [[UInt8]?](repeating: nil, count: count)
            for await (index, answer) in group { answers[index] = answer }
            return answers.compactMap { $0 }
        }
    }
}

extension JSONRPCEncoding {
    /// A batch's answers as one JSON array.
    package static func batch(_ answers: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(answers.reduce(2) { $0 + $1.count + 1 })
        for (index, answer) in answers.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += answer
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }
}

import JSONCore
import JSONSchema
import Logging

/// Turns how a call ended into a `tools/call` result or JSON-RPC error. A provider's failure is
/// that call's error, with a message the agent can act on and no internal details.
package enum ToolCallResponse {
    /// `setupLink` is where the user connects an integration the call needs (valid for
    /// `linkMinutes`); `displayName` is that integration's name as people read it. A provider's
    /// result that needs no change for the client is passed on as its bytes (see
    /// ``passedOn(_:version:)``); the result of a tool with an output schema is checked first,
    /// for clients that were given the schema (``StructuredContentCheck``).
    package static func make(
        _ result: ToolCallResult, version: String, setupLink: String? = nil, displayName: String? = nil,
        linkMinutes: Int = 5, logger: Logger, requestID: String
    ) -> Result<MCPDispatcher.Payload, JSONRPCError> {
        if case .outcome(_, .result(let bytes), let output) = result,
            output == nil || !ProtocolVersion.atLeast(version, "2025-06-18"),
            let passed = passedOn(bytes, version: version)
        {
            return .success(.serialized(passed))
        }
        return value(
            result, version: version, setupLink: setupLink, displayName: displayName, linkMinutes: linkMinutes,
            logger: logger, requestID: requestID
        ).map(MCPDispatcher.Payload.value)
    }

    /// A provider's `CallToolResult` bytes when they can go to a client of `version` as they are:
    /// a JSON object on one line (checked strictly, not built) whose members, each named once,
    /// are `content` (an array), and at most `isError: true` and, for 2025-06-18 and later, an
    /// object `structuredContent`; for a client older than 2025-03-26 never (its audio items must
    /// become resources). Nil when the result must be rebuilt.
    package static func passedOn(_ bytes: [UInt8], version: String) -> [UInt8]? {
        // Line breaks between tokens would cut stdio's lines and SSE's data fields: rebuild.
        guard ProtocolVersion.atLeast(version, "2025-03-26"), !bytes.contains(0x0A), !bytes.contains(0x0D),
            let members = try? JSONValue.topLevelMembers(bytes),
            let content = members["content"], bytes[content.lowerBound] == UInt8(ascii: "[")
        else { return nil }
        for (key, range) in members where key != "content" {
            switch key {
            case "isError":
                guard bytes[range].elementsEqual("true".utf8) else { return nil }
            case "structuredContent":
                guard ProtocolVersion.atLeast(version, "2025-06-18"), bytes[range.lowerBound] == UInt8(ascii: "{")
                else { return nil }
            default:
                return nil
            }
        }
        return bytes
    }

    /// The result built as a value: every case but a result passed on.
    private static func value(
        _ result: ToolCallResult, version: String, setupLink: String?, displayName: String?, linkMinutes: Int,
        logger: Logger, requestID: String
    ) -> Result<JSONValue, JSONRPCError> {
        switch result {
        case .unknownTool(let name):
            return .failure(.invalidParams("Unknown tool: \(name)"))
        case .refused(let error):
            return .failure(error)
        case .invalidArguments(_, let violations):
            let text = String(
                decoding: JSONValue.object([
                    "error": "Validation error", "details": .array(violations.map { .string($0) }),
                ]).encoded(), as: UTF8.self)
            return .success(["content": [["type": "text", "text": .string(text)]], "isError": true])
        case .unavailable(let name, let providers):
            let which =
                providers.count == 1
                ? "provider \(providers[0]) could not list its tools"
                : "providers \(providers.dropLast().joined(separator: ", ")) and \(providers.last!) could not list "
                    + "their tools"
            return .success(errorResult("The tool \(name) is not available right now: \(which). Try again later."))
        case .listingFailed(let error):
            logger.error("tools/call could not list tools: \(error)", metadata: ["request": "\(requestID)"])
            return .failure(.internalError(MCPDispatcher.clientMessage(for: error)))
        case .outcome(let tool, let outcome, let output):
            switch outcome {
            case .result(let bytes):
                guard let parsed = try? JSONValue.parse(bytes), let object = parsed.objectValue,
                    case .array(let content)? = object["content"]
                else {
                    logger.error(
                        "provider \(tool.providerName) returned an invalid result for \(tool.name)",
                        metadata: ["request": "\(requestID)"])
                    return .success(errorResult("The tool \(tool.name) returned an invalid result."))
                }
                var answer: [String: JSONValue] = [
                    "content": .array(content.map { contentItem($0, tool: tool.name, version: version) })
                ]
                if case .bool(true)? = object["isError"] { answer["isError"] = true }
                if ProtocolVersion.atLeast(version, "2025-06-18"), let structured = object["structuredContent"],
                    structured.objectValue != nil
                {
                    answer["structuredContent"] = structured
                }
                // The client was given the output schema (2025-06-18 and later, see Tool+MCP).
                if let output, ProtocolVersion.atLeast(version, "2025-06-18"),
                    case .drop(let reasons) = StructuredContentCheck.of(answer, validator: output)
                {
                    let named = reasons.prefix(StructuredContentCheck.namedReasons).joined(separator: "; ")
                    logger.info(
                        "tool \(tool.name): the answer does not match its output schema; sent as text only: \(named)",
                        metadata: ["request": "\(requestID)", "provider": "\(tool.providerName)"])
                    answer = StructuredContentCheck.textOnly(answer, reasons: reasons)
                }
                return .success(.object(answer))
            case .toolError(let message):
                return .success(errorResult(message))
            case .needsConnection(let integration):
                return .success(
                    textResult(
                        needsConnectionText(
                            integration, displayName: displayName ?? integration, link: setupLink,
                            minutes: linkMinutes)))
            case .upstreamFailure(let status, let message):
                return .success(
                    errorResult(
                        status == 0
                            ? "Upstream request failed: \(message)"
                            : "HTTP error; status: \(status); message: \(message)"))
            case .internalError(let message):
                logger.error(
                    "provider \(tool.providerName) failed in \(tool.name): \(message)",
                    metadata: ["request": "\(requestID)"])
                return .success(errorResult("The tool \(tool.name) failed inside the server; try again later."))
            case .timedOut:
                return .success(errorResult("The tool \(tool.name) did not answer in time."))
            case .cancelled:
                return .failure(.requestCancelled())
            }
        }
    }

    /// A content item as a client of `version` knows it: audio content (2025-03-26) reaches an
    /// older client as an embedded resource with the same bytes and media type.
    package static func contentItem(_ item: JSONValue, tool: String, version: String) -> JSONValue {
        guard item["type"] == "audio", !ProtocolVersion.atLeast(version, "2025-03-26") else { return item }
        return [
            "type": "resource",
            "resource": [
                "uri": .string("paragon-mcp://tool/\(tool)/audio"),
                "mimeType": item["mimeType"] ?? "application/octet-stream", "blob": item["data"] ?? "",
            ],
        ]
    }

    /// Not an error: the agent should relay it. The link is Markdown so agents show it as one.
    /// Names the integration as people read it (`Google Calendar`), and by its key too.
    package static func needsConnectionText(_ integration: String, displayName: String, link: String?, minutes: Int)
        -> String
    {
        let named = displayName == integration ? displayName : "\(displayName) (\(integration))"
        guard let link else {
            return "Integration not enabled for user: \(named) is not connected yet. Ask the user to connect "
                + "their \(displayName) account, then try again."
        }
        let validity = minutes >= 1 ? " (the link works for \(minutes) minute\(minutes == 1 ? "" : "s"))" : ""
        return "Integration not enabled for user: \(named) is not connected yet. Ask the user to connect "
            + "their \(displayName) account here: [Connect \(displayName)](\(link))\(validity). "
            + "Once they have connected it, try again."
    }

    package static func textResult(_ text: String) -> JSONValue {
        ["content": [["type": "text", "text": .string(text)]]]
    }

    /// A tool error, shaped as the TypeScript server shapes it: `{"error": "..."}` as text.
    package static func errorResult(_ message: String) -> JSONValue {
        let text = String(decoding: JSONValue.object(["error": .string(message)]).encoded(), as: UTF8.self)
        return ["content": [["type": "text", "text": .string(text)]], "isError": true]
    }
}

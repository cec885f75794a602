import JSONCore

extension RequestStateSeal {
    /// The state `text` holds, when it lets `userID` retry the call of `tool` with `arguments`
    /// at `now` (seconds since 1970). Checked in this order: it opens (``open(_:)``), it has not
    /// expired (`now < expiresAt`), it was issued to `userID`, and to this call (same tool name,
    /// same ``ArgumentsDigest``; nil and `null` arguments count as `{}`). The user ID and the
    /// tool name are compared byte for byte (UTF-8), not under Unicode canonical equivalence.
    ///
    /// It does not check that the state is unused: consume it in a ``RequestStateLedger`` before
    /// running the call it lets through.
    /// - Throws: ``RequestStateError`` `.malformed`, `.tampered`, `.expired`, `.foreignUser` or
    ///   `.otherCall`, the first that applies.
    package func verify(
        _ text: String, userID: String, tool: String, arguments: JSONValue?, now: Int
    ) throws(RequestStateError) -> RequestState {
        let state = try open(text)
        guard now < state.expiresAt else { throw .expired }
        guard state.userID.utf8.elementsEqual(userID.utf8) else { throw .foreignUser }
        guard state.tool.utf8.elementsEqual(tool.utf8), state.argumentsDigest == ArgumentsDigest(arguments) else {
            throw .otherCall
        }
        return state
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (HTTP's optional whitespace). Pure
    /// Swift: Foundation's `trimmingCharacters(in:)` goes through NSString on Linux, which
    /// showed in profiles of every request.
    package var trimmingSpaces: SubSequence {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        guard let last = lastIndex(where: { $0 != " " && $0 != "\t" }) else { return self[start..<start] }
        return self[start...last]
    }
}

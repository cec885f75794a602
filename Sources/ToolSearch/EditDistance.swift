/// The optimal string alignment distance (Damerau–Levenshtein restricted: insertions,
/// deletions, substitutions and swaps of neighbours, each 1), up to a limit. Keeps its rows
/// between calls, so that comparing one word with hundreds allocates nothing.
struct EditDistance {
    let limit: Int
    private var rows: [[Int]] = [[], [], []]

    init(limit: Int) {
        self.limit = limit
    }

    /// The distance between `a` and `b`, or nil once it exceeds the limit.
    mutating func between(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        let width = b.count + 1
        for index in rows.indices where rows[index].count < width {
            rows[index] = [Int](repeating: 0, count: width)
        }
        // rows[0]: two rows back, rows[1]: the previous row, rows[2]: the current one.
        for j in 0...b.count { rows[1][j] = j }
        for i in 1...a.count {
            rows[2][0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows[1][j] + 1, rows[2][j - 1] + 1, rows[1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, rows[0][j - 2] + 1) }
                rows[2][j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            rows.swapAt(0, 1)
            rows.swapAt(1, 2)
        }
        return rows[1][b.count] <= limit ? rows[1][b.count] : nil
    }

    /// The distance between `a` and `b`, or nil beyond `limit`.
    static func between(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        var distance = EditDistance(limit: limit)
        return distance.between(a, b)
    }
}

import ProviderKit

/// About how many bytes a JSON value takes once encoded (strings by their UTF-8 length plus
/// quotes, escapes not counted): what ``SchemaInliner`` weighs input schemas by.
enum JSONSize {
    static func estimate(_ value: JSONValue) -> Int {
        switch value {
        case .null: return 4
        case .bool(let flag): return flag ? 4 : 5
        case .integer(let number): return String(number).utf8.count
        case .number: return 8
        case .string(let text): return text.utf8.count + 2
        case .array(let items): return 2 + items.reduce(0) { $0 + estimate($1) + 1 }
        case .object(let members): return 2 + members.reduce(0) { $0 + member($1.key) + estimate($1.value) }
        }
    }

    /// A member's `"key":` and its separator.
    static func member(_ key: String) -> Int { key.utf8.count + 4 }
}

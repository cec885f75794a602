import ParagonAPI
import ProviderKit

/// Parameter values as OAS 3.0.3 §4.7.12.4 / 3.1 §4.8.12.4 serialize them (the "Style Values"
/// and "Style Examples" tables), for `color` = `"blue"`, `["blue","black","brown"]` and
/// `{"R":100,"G":200,"B":150}`:
///
/// | style | explode | primitive | array | object |
/// |---|---|---|---|---|
/// | matrix | false | `;color=blue` | `;color=blue,black,brown` | `;color=R,100,G,200,B,150` |
/// | matrix | true | `;color=blue` | `;color=blue;color=black;color=brown` | `;R=100;G=200;B=150` |
/// | label | false | `.blue` | `.blue,black,brown` | `.R,100,G,200,B,150` |
/// | label | true | `.blue` | `.blue.black.brown` | `.R=100.G=200.B=150` |
/// | form | false | `color=blue` | `color=blue,black,brown` | `color=R,100,G,200,B,150` |
/// | form | true | `color=blue` | `color=blue&color=black&color=brown` | `R=100&G=200&B=150` |
/// | simple | false | `blue` | `blue,black,brown` | `R,100,G,200,B,150` |
/// | simple | true | `blue` | `blue,black,brown` | `R=100,G=200,B=150` |
/// | spaceDelimited | false | - | `color=blue%20black%20brown` | `color=R%20100%20G%20200%20B%20150` |
/// | pipeDelimited | false | - | `color=blue%7Cblack%7Cbrown` | `color=R%7C100%7CG%7C200%7CB%7C150` |
/// | tabDelimited (2.0's `tsv`) | false | - | `color=blue%09black%09brown` | `color=R%09100%09G%09200%09B%09150` |
/// | deepObject | true | - | - | `color[R]=100&color[G]=200&color[B]=150` |
///
/// An empty string is `;color`, `.` and `color=` in matrix, label and form. Names and values
/// are percent-encoded (RFC 3986, ``PercentEncoding``), the delimiters are not; header values
/// are not percent-encoded. `|` is written `%7C`, as OAS 3.1.1 clarifies (RFC 3986 does not
/// allow it in a query). Where the tables say nothing (a primitive in `deepObject`, nesting
/// in `deepObject`), a primitive is written as in `form`, and nested values as
/// `color[a][b]=...` with array items indexed (`color[items][0]=...`), as Stripe and Rails read
/// them; nested values in other styles are JSON text.
enum ParameterSerializer {
    /// The value of a primitive as text: strings as they are, numbers and booleans as JSON
    /// writes them, null as nothing; arrays and objects (nested) as JSON text.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .null: return ""
        default: return String(decoding: value.encoded(), as: UTF8.self)
        }
    }

    /// What replaces `{name}` in a path.
    static func path(name: String, value: JSONValue, style: SerializationStyle, explode: Bool) -> String {
        let encode = { (text: String) in PercentEncoding.encode(text) }
        switch style {
        case .label:
            switch value {
            case .array(let items): return "." + items.map { encode(text($0)) }.joined(separator: explode ? "." : ",")
            case .object(let members):
                return "." + pairs(members, encode: encode, explode: explode, separator: explode ? "." : ",")
            default: return "." + encode(text(value))
            }
        case .matrix:
            let key = encode(name)
            switch value {
            case .array(let items):
                if explode { return items.map { ";\(key)=" + encode(text($0)) }.joined() }
                return ";\(key)=" + items.map { encode(text($0)) }.joined(separator: ",")
            case .object(let members):
                if explode { return ";" + pairs(members, encode: encode, explode: true, separator: ";") }
                return ";\(key)=" + pairs(members, encode: encode, explode: false, separator: ",")
            default:
                let written = text(value)
                return written.isEmpty ? ";\(key)" : ";\(key)=" + encode(written)
            }
        default:
            return simple(value, explode: explode, encode: encode)
        }
    }

    /// A header's value (style `simple`), not percent-encoded.
    static func header(_ value: JSONValue, explode: Bool) -> String {
        simple(value, explode: explode, encode: { $0 })
    }

    /// The `name=value` items of a query parameter (or a form body's field), each encoded.
    static func query(
        name: String, value: JSONValue, style: SerializationStyle, explode: Bool, allowReserved: Bool = false
    ) -> [String] {
        let encode = { (text: String) in PercentEncoding.encode(text, allowReserved: allowReserved) }
        let key = PercentEncoding.encode(name)
        // A delimited style's delimiter is percent-encoded (a space, `|` and a tab may not stand
        // in a query); the comma of the others is not.
        let delimiter = style.itemDelimiter == "," ? "," : PercentEncoding.encode(style.itemDelimiter)
        switch (style, value) {
        case (.deepObject, .object), (.deepObject, .array):
            return deep(key, value, encode: encode)
        case (_, .array(let items)):
            if explode { return items.map { "\(key)=" + encode(text($0)) } }
            return ["\(key)=" + items.map { encode(text($0)) }.joined(separator: delimiter)]
        case (_, .object(let members)):
            if explode {
                return members.sorted { $0.key < $1.key }.map {
                    PercentEncoding.encode($0.key) + "=" + encode(text($0.value))
                }
            }
            return ["\(key)=" + pairs(members, encode: encode, explode: false, separator: delimiter)]
        default:
            return ["\(key)=" + encode(text(value))]
        }
    }

    /// `simple`: `blue`, `blue,black,brown`, `R,100,G,200` or (exploded) `R=100,G=200`.
    static func simple(_ value: JSONValue, explode: Bool, encode: (String) -> String) -> String {
        switch value {
        case .array(let items): return items.map { encode(text($0)) }.joined(separator: ",")
        case .object(let members): return pairs(members, encode: encode, explode: explode, separator: ",")
        default: return encode(text(value))
        }
    }

    /// An object's members in key order: `k=v` joined by `separator` when exploded, else
    /// `k,v,k,v` (joined by `separator` too).
    static func pairs(
        _ members: [String: JSONValue], encode: (String) -> String, explode: Bool, separator: String
    ) -> String {
        let sorted = members.sorted { $0.key < $1.key }
        if explode { return sorted.map { encode($0.key) + "=" + encode(text($0.value)) }.joined(separator: separator) }
        return sorted.flatMap { [encode($0.key), encode(text($0.value))] }.joined(separator: separator)
    }

    /// `key[a][b]=v` for every leaf, array items indexed.
    static func deep(_ key: String, _ value: JSONValue, encode: (String) -> String) -> [String] {
        switch value {
        case .object(let members):
            return members.sorted { $0.key < $1.key }.flatMap {
                deep(key + "[" + PercentEncoding.encode($0.key) + "]", $0.value, encode: encode)
            }
        case .array(let items):
            return items.enumerated().flatMap { deep(key + "[\($0.offset)]", $0.element, encode: encode) }
        case .null:
            return []
        default:
            return [key + "=" + encode(text(value))]
        }
    }
}

import ParagonAPI
import ProviderKit

/// The request body of an operation: which media type is sent, how, and the `body` input's schema.
extension OperationReader {
    /// The body's kind and input schema, by the first media type this order prefers: JSON
    /// (`application/json`, then any `+json` or `*/*`), form-urlencoded, multipart, `text/*`,
    /// then anything else as base64, and the form fields left out of the schema (credentials,
    /// files). Nil (with a warning) for a body without content.
    mutating func readBody(_ body: JSONValue, at pointer: String) -> (
        kind: RequestBody, schema: JSONValue, withheld: [String: Withheld]
    )? {
        guard let content = body["content"]?.objectValue, !content.isEmpty else {
            warn(pointer, "a request body without `content`: the tool takes no body")
            return nil
        }
        let types = content.keys.sorted()
        func rank(_ type: String) -> Int {
            let mediaType = MediaType(type)
            let essence = mediaType.essence
            if essence == "application/json" { return 0 }
            if mediaType.isJSON || essence == "*/*" || essence == "application/*" { return 1 }
            if essence == "application/x-www-form-urlencoded" { return 2 }
            if essence == "multipart/form-data" { return 3 }
            if essence.hasPrefix("text/") { return 4 }
            return 5
        }
        let chosen = types.min { rank($0) < rank($1) }!
        let media = content[chosen] ?? [:]
        let description = body["description"]?.stringValue
        let essence = MediaType(chosen).essence
        var schema = RequestSchema.strippingReadOnly(inliner.inline(media["schema"] ?? [:]))
        var withheld: [String: Withheld] = [:]
        let kind: RequestBody
        switch rank(chosen) {
        case 0, 1:
            kind = .json(mediaType: essence.contains("*") ? "application/json" : essence)
        case 2, 3:
            var encodings: [String: PropertyEncoding] = [:]
            for (name, encoding) in media["encoding"]?.objectValue ?? [:] {
                var result = PropertyEncoding()
                if let style = encoding["style"]?.stringValue.flatMap(SerializationStyle.init(rawValue:)) {
                    result.style = style
                }
                if case .bool(let explode)? = encoding["explode"] {
                    result.explode = explode
                } else {
                    result.explode = result.style == .form
                }
                result.allowReserved = encoding["allowReserved"] == .bool(true)
                result.contentType = encoding["contentType"]?.stringValue
                encodings[name] = result
            }
            if schema["type"] == nil, schema["properties"] == nil, case .object(var object) = schema {
                object["type"] = "object"
                schema = .object(object)
            }
            let (withoutCredentials, removed) = Credentials.removing(credentials, from: schema)
            schema = withoutCredentials
            for name in removed { withheld[name] = .credential }
            if rank(chosen) == 3 {
                kind = .multipart(encodings: encodings)
                let (withoutFiles, files) = withoutFiles(schema, at: pointer)
                schema = withoutFiles
                for name in files { withheld[name] = .file }
            } else {
                kind = .form(encodings: encodings)
            }
        case 4:
            kind = .text(mediaType: essence)
            schema = ["type": "string", "description": .string("The \(essence) body.")]
        default:
            kind = .raw(mediaType: essence.contains("*") ? "application/octet-stream" : essence)
            schema = [
                "type": "string", "contentEncoding": "base64",
                "description": .string("The \(essence) content, base64-encoded."),
            ]
        }
        if let description, case .object(var object) = schema {
            object["description"] =
                object["description"]?.stringValue.map { description + " " + $0 }.map(JSONValue.string)
                ?? .string(description)
            schema = .object(object)
        }
        return (kind, schema, withheld)
    }

    /// A multipart schema without its file fields (`format: binary`/`base64`, or
    /// `contentMediaType`), which a tool cannot send, and their names; the description says
    /// which were left out.
    private mutating func withoutFiles(_ schema: JSONValue, at pointer: String) -> (JSONValue, [String]) {
        guard case .object(let original) = schema, let properties = original["properties"]?.objectValue else {
            return (schema, [])
        }
        let files = properties.filter { Self.isFile($0.value) }.keys.sorted()
        guard !files.isEmpty else { return (schema, []) }
        var object = MarkedProperties.removing(Set(files), from: original)
        let note = "File fields (\(files.joined(separator: ", "))) cannot be sent by this tool."
        object["description"] = .string(
            [object["description"]?.stringValue, note].compactMap { $0 }.joined(separator: " "))
        warn(
            pointer, "multipart file field(s) \(files.joined(separator: ", ")) cannot be sent by a tool: left out",
            .note)
        return (.object(object), files)
    }

    private static func isFile(_ schema: JSONValue) -> Bool {
        let format = schema["format"]?.stringValue
        if format == "binary" || format == "base64" || schema["contentMediaType"] != nil { return true }
        if schema["type"] == "array", let items = schema["items"] { return isFile(items) }
        return false
    }
}

import Foundation
import JSONSchema
import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// Real public documents of integrations Paragon serves (Fixtures/real, see its SOURCES.md):
/// each loads, gives one tool per operation with a valid, unique name and an input schema with
/// properties that the host's validator compiles, and every operation builds a request.
@Suite struct RealDocumentsTests {
    static let documents: [(file: String, integration: String, operations: Int)] = [
        ("box-openapi.json", "box", 296), ("notion-openapi.json", "notion", 24),
        ("slack_web_openapi_v2.json", "slack", 174), ("spotify-fixed.yml", "custom.spotify", 97),
        ("twilio_messaging_v1.json", "twilio", 58), ("paragon-ts-custom.spotify.json", "custom.spotify", 8),
        ("oai/v3.0_petstore.yaml", "petstore", 3), ("oai/v3.0_petstore-expanded.yaml", "petstore", 4),
        ("oai/v3.0_link-example.yaml", "links", 6), ("oai/v3.0_uspto.yaml", "uspto", 3),
        ("oai/v3.0_api-with-examples.yaml", "examples", 2), ("oai/v3.0_callback-example.yaml", "callbacks", 1),
        ("oai/v3.1_non-oauth-scopes.yaml", "scopes", 1), ("oai/v3.1_webhook-example.yaml", "webhooks", 0),
        ("oai/v2.0_yaml_petstore.yaml", "petstore", 3), ("oai/v2.0_json_uber.json", "uber", 5),
    ]

    @Test(arguments: documents.map { $0.file })
    func eachLoadsAndEveryOperationBuildsARequest(_ file: String) throws {
        let entry = try #require(Self.documents.first { $0.file == file })
        let (spec, diagnostics) = try Fixture.real(file, as: entry.integration)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        #expect(!diagnostics.contains { $0.message.contains("would pass") }, "no real schema meets the budget")
        #expect(spec.tools.count == entry.operations)
        #expect(Set(spec.tools.map(\.name)).count == spec.tools.count, "names are unique")
        for tool in spec.tools {
            #expect(ToolNaming.isValid(tool.name), "\(tool.name)")
            #expect(tool.inputSchema["properties"]?.objectValue != nil, "\(tool.name) has properties")
            #expect(throws: Never.self, "\(tool.name)'s schema compiles") {
                _ = try JSONSchemaValidator(schema: tool.inputSchema)
            }
            let arguments = Self.arguments(for: tool.inputSchema)
            let request: PreparedRequest
            do {
                request = try RequestBuilder.build(tool, arguments: arguments)
            } catch {
                Issue.record("\(tool.name): \(error) for \(arguments)")
                continue
            }
            #expect(request.method == tool.origin.operation.method.uppercased())
            #expect(
                !request.target.contains("{") && !request.target.contains("}") && !request.target.contains("#"),
                "\(tool.name): \(request.target)")
            #expect(request.target.hasPrefix(tool.serverURL ?? "/"), "\(tool.name): \(request.target)")
            if arguments["body"] != nil {
                #expect(!request.body.isEmpty || arguments["body"] == [:] || arguments["body"] == "", "\(tool.name)")
                #expect(request.header("Content-Type") != nil)
            }
            if case .json? = tool.body, arguments["body"] != nil {
                #expect((try? JSONValue.parse(request.body)) == arguments["body"])
            }
        }
    }

    @Test func boxFragmentsAndJSONPatchBodies() throws {
        let (spec, _) = try Fixture.real("box-openapi.json", as: "box")
        let fragments = spec.tools.filter { $0.origin.operation.path.contains("#") }
        #expect(fragments.count == 19)
        #expect(fragments.allSatisfy { !$0.path.contains("#") })
        let shared = try #require(fragments.first { $0.origin.operation.path == "/shared_items#folders" })
        let request = try RequestBuilder.build(
            shared, arguments: ["params": ["fields": ["id", "name"], "boxapi": "shared_link=x"]])
        #expect(request.target == "https://api.box.com/2.0/shared_items?fields=id,name", "\(request.target)")
        #expect(request.header("boxapi") == "shared_link=x")
        let patches = spec.tools.filter { $0.body == .json(mediaType: "application/json-patch+json") }
        #expect(patches.count == 7)
        let uploads = spec.tools.filter { $0.serverURL == "https://upload.box.com/api/2.0" }
        #expect(!uploads.isEmpty)
    }

    @Test func notionSendsItsVersionHeader() throws {
        let (spec, _) = try Fixture.real("notion-openapi.json", as: "notion")
        // Every operation but POST /v1/comments declares the header.
        let declaring = spec.tools.filter { $0.parameters.contains { $0.name == "Notion-Version" } }
        #expect(declaring.count == spec.tools.count - 1)
        for tool in declaring {
            let request = try RequestBuilder.build(
                tool, arguments: Self.arguments(for: tool.inputSchema, optional: false))
            #expect(request.header("Notion-Version") != nil, "\(tool.name)")
            let required = tool.inputSchema["properties"]?["params"]?["required"]?.arrayValue ?? []
            #expect(!required.contains("Notion-Version"))
        }
    }

    @Test func twilioFormBodies() throws {
        let (spec, _) = try Fixture.real("twilio_messaging_v1.json", as: "twilio")
        let forms = spec.tools.filter { if case .form? = $0.body { true } else { false } }
        #expect(forms.count == 16)
        let create = try #require(forms.first { $0.origin.operation.path == "/v1/Services" && $0.method == "POST" })
        let request = try RequestBuilder.build(
            create, arguments: ["body": ["FriendlyName": "My service", "StickySender": true]])
        #expect(request.text == "FriendlyName=My%20service&StickySender=true")
        #expect(request.target == "https://messaging.twilio.com/v1/Services")
    }

    @Test func slackIsSwagger2() throws {
        let (spec, _) = try Fixture.real("slack_web_openapi_v2.json", as: "slack")
        let post = try #require(spec.tools.first { $0.origin.operation.path == "/chat.postMessage" })
        #expect(post.body == .form(encodings: [:]))
        let request = try RequestBuilder.build(post, arguments: ["body": ["channel": "C1", "text": "hi there"]])
        #expect(request.target == "https://slack.com/api/chat.postMessage")
        #expect(request.text == "channel=C1&text=hi%20there")
        // Its `token` header and form field are credentials: Paragon's proxy supplies them.
        #expect(!post.parameters.contains { $0.name == "token" })
        #expect(post.inputSchema["properties"]?["body"]?["properties"]?["token"] == nil)
        #expect(post.inputSchema["properties"]?["params"] == nil)
        // Sent anyway, they are refused with the reason, and nothing is sent.
        let formsWithToken = spec.tools.filter { $0.withheldFields["token"] == .credential }
        #expect(formsWithToken.count == 15)
        let photo = try #require(formsWithToken.first { $0.origin.operation.path == "/users.setPhoto" })
        #expect(photo.withheldFields == ["token": .credential])
        #expect(throws: RequestError.withheldField("token", .credential)) {
            try RequestBuilder.build(photo, arguments: ["body": ["crop_x": "1", "token": "xoxb-1"]])
        }
        #expect(throws: RequestError.withheldParameter("token", .credential)) {
            try RequestBuilder.build(post, arguments: ["params": ["token": "xoxb-1"], "body": ["channel": "C1"]])
        }
    }

    @Test func spotifyUnexplodedArrays() throws {
        let (spec, _) = try Fixture.real("spotify-fixed.yml", as: "custom.spotify")
        let search = try #require(spec.tools.first { $0.origin.operation.path == "/search" })
        let request = try RequestBuilder.build(
            search, arguments: ["params": ["q": "miles davis", "type": ["album", "track"], "limit": 5]])
        #expect(
            request.target == "https://api.spotify.com/v1/search?limit=5&q=miles%20davis&type=album,track"
                || request.target.contains("type=album,track"), "\(request.target)")
        #expect(!request.target.contains("%5B"), "no JSON text")
    }

    /// Arguments that exercise every parameter (and the body) of a tool: a sample value per
    /// schema (`const`, enum's first, default, else by type).
    static func arguments(for input: JSONValue, optional: Bool = true) -> JSONValue {
        var arguments: [String: JSONValue] = [:]
        if let params = input["properties"]?["params"] {
            let required = Set(params["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            var values: [String: JSONValue] = [:]
            for (name, schema) in params["properties"]?.objectValue ?? [:] where optional || required.contains(name) {
                values[name] = sample(schema, depth: 0)
            }
            arguments["params"] = .object(values)
        }
        if let body = input["properties"]?["body"] { arguments["body"] = sample(body, depth: 0) }
        return .object(arguments)
    }

    static func sample(_ schema: JSONValue, depth: Int) -> JSONValue {
        if let value = schema["const"] { return value }
        if let value = schema["enum"]?[0] { return value }
        if let value = schema["default"], value != .null { return value }
        if schema["contentEncoding"] == "base64" { return "AAEC" }
        var type = schema["type"]?.stringValue
        if type == nil, let types = schema["type"]?.arrayValue { type = types.first { $0 != "null" }?.stringValue }
        if type == nil {
            if schema["properties"] != nil {
                type = "object"
            } else if let first = (schema["anyOf"] ?? schema["oneOf"])?[0] {
                return sample(first, depth: depth + 1)
            } else if let members = schema["allOf"]?.arrayValue {
                var merged: [String: JSONValue] = [:]
                for member in members {
                    merged.merge(sample(member, depth: depth + 1).objectValue ?? [:]) { a, _ in a }
                }
                return .object(merged)
            }
        }
        switch type {
        case "integer": return 1
        case "number": return 1.5
        case "boolean": return true
        case "array": return depth > 4 ? [] : [sample(schema["items"] ?? [:], depth: depth + 1)]
        case "object":
            guard depth <= 4 else { return [:] }
            let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            var object: [String: JSONValue] = [:]
            for (name, property) in schema["properties"]?.objectValue ?? [:] where depth == 0 || required.contains(name)
            {
                object[name] = sample(property, depth: depth + 1)
            }
            return .object(object)
        default: return "x"
        }
    }
}

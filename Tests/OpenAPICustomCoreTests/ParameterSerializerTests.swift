import ParagonAPI
import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// The OAS 3.1 "Style Examples" table, row by row (objects in key order: B, G, R), for
/// `color` = "" / "blue" / ["blue","black","brown"] / {"R":100,"G":200,"B":150}.
@Suite struct ParameterSerializerTests {
    static let string: JSONValue = "blue"
    static let array: JSONValue = ["blue", "black", "brown"]
    static let object: JSONValue = ["R": 100, "G": 200, "B": 150]

    func path(_ style: SerializationStyle, _ explode: Bool, _ value: JSONValue) -> String {
        ParameterSerializer.path(name: "color", value: value, style: style, explode: explode)
    }

    func query(_ style: SerializationStyle, _ explode: Bool, _ value: JSONValue) -> String {
        ParameterSerializer.query(name: "color", value: value, style: style, explode: explode).joined(separator: "&")
    }

    @Test func matrix() {
        #expect(path(.matrix, false, "") == ";color")
        #expect(path(.matrix, false, Self.string) == ";color=blue")
        #expect(path(.matrix, false, Self.array) == ";color=blue,black,brown")
        #expect(path(.matrix, false, Self.object) == ";color=B,150,G,200,R,100")
        #expect(path(.matrix, true, "") == ";color")
        #expect(path(.matrix, true, Self.string) == ";color=blue")
        #expect(path(.matrix, true, Self.array) == ";color=blue;color=black;color=brown")
        #expect(path(.matrix, true, Self.object) == ";B=150;G=200;R=100")
    }

    @Test func label() {
        #expect(path(.label, false, "") == ".")
        #expect(path(.label, false, Self.string) == ".blue")
        #expect(path(.label, false, Self.array) == ".blue,black,brown")
        #expect(path(.label, false, Self.object) == ".B,150,G,200,R,100")
        #expect(path(.label, true, Self.array) == ".blue.black.brown")
        #expect(path(.label, true, Self.object) == ".B=150.G=200.R=100")
    }

    @Test func simple() {
        #expect(path(.simple, false, Self.string) == "blue")
        #expect(path(.simple, false, Self.array) == "blue,black,brown")
        #expect(path(.simple, false, Self.object) == "B,150,G,200,R,100")
        #expect(path(.simple, true, Self.array) == "blue,black,brown")
        #expect(path(.simple, true, Self.object) == "B=150,G=200,R=100")
        #expect(ParameterSerializer.header(Self.object, explode: true) == "B=150,G=200,R=100")
        #expect(ParameterSerializer.header("a b/c", explode: false) == "a b/c", "headers are not percent-encoded")
    }

    @Test func form() {
        #expect(query(.form, false, "") == "color=")
        #expect(query(.form, false, Self.string) == "color=blue")
        #expect(query(.form, false, Self.array) == "color=blue,black,brown")
        #expect(query(.form, false, Self.object) == "color=B,150,G,200,R,100")
        #expect(query(.form, true, "") == "color=")
        #expect(query(.form, true, Self.string) == "color=blue")
        #expect(query(.form, true, Self.array) == "color=blue&color=black&color=brown")
        #expect(query(.form, true, Self.object) == "B=150&G=200&R=100")
    }

    @Test func delimited() {
        #expect(query(.spaceDelimited, false, Self.array) == "color=blue%20black%20brown")
        #expect(query(.spaceDelimited, false, Self.object) == "color=B%20150%20G%20200%20R%20100")
        #expect(query(.pipeDelimited, false, Self.array) == "color=blue%7Cblack%7Cbrown")
        #expect(query(.pipeDelimited, false, Self.object) == "color=B%7C150%7CG%7C200%7CR%7C100")
        #expect(query(.tabDelimited, false, Self.array) == "color=blue%09black%09brown", "Swagger 2.0's tsv")
        #expect(query(.pipeDelimited, true, Self.array) == "color=blue&color=black&color=brown")
    }

    @Test func deepObject() {
        #expect(query(.deepObject, true, Self.object) == "color[B]=150&color[G]=200&color[R]=100")
        let nested: JSONValue = ["a": ["b": "c d"], "items": [["price": "p1"], ["price": "p2"]]]
        #expect(
            query(.deepObject, true, nested) == "color[a][b]=c%20d&color[items][0][price]=p1&color[items][1][price]=p2")
    }

    /// Values are percent-encoded (RFC 3986) but the delimiters are not; allowReserved keeps
    /// reserved characters.
    @Test func percentEncoding() {
        #expect(path(.simple, false, "a b/c,d") == "a%20b%2Fc%2Cd")
        #expect(path(.simple, false, ["a,b", "ü"]) == "a%2Cb,%C3%BC")
        #expect(query(.form, true, "x&y=z#") == "color=x%26y%3Dz%23")
        // allowReserved keeps what cannot reshape the query: never `&`, `=`, `+` or `#`.
        #expect(
            ParameterSerializer.query(
                name: "q", value: "a/b?c=d#e%20", style: .form, explode: true, allowReserved: true)
                == ["q=a/b?c%3Dd%23e%20"])
        #expect(query(.form, true, 1.5) == "color=1.5")
        #expect(query(.form, true, true) == "color=true")
    }
}

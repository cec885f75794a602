import Testing

@testable import OpenAPICustomCore

/// `{name}` expressions, as paths and server URLs write them.
@Suite struct TemplateTests {
    @Test func piecesAndNames() {
        let (pieces, unclosed) = Template.pieces("/users/{id}/files/{file_id}.json")
        #expect(!unclosed)
        #expect(
            pieces == [
                .literal("/users/"), .expression("id"), .literal("/files/"), .expression("file_id"), .literal(".json"),
            ])
        #expect(Template.names("https://{region}.example.com/{basePath}") == ["region", "basePath"])
        #expect(Template.names("/plain") == [])
    }

    @Test func anUnclosedBraceIsLiteralAndSaidSo() {
        let (pieces, unclosed) = Template.pieces("/a/{id}/{broken")
        #expect(unclosed)
        #expect(pieces == [.literal("/a/"), .expression("id"), .literal("/{broken")])
        #expect(Template.names("/a/{broken") == [])
        #expect(throws: ServerURL.Problem.unbalanced) { try ServerURL.resolve(["url": "https://{x.com"]).get() }
    }
}

import Foundation

/// docs/configuration.md, whose settings table stands between two markers.
enum ConfigurationPage {
    static let begin = "<!-- settings:begin -->"
    static let end = "<!-- settings:end -->"

    static var url: URL { RepositoryFile.url("docs/configuration.md") }

    static func text() throws -> String { try RepositoryFile.text("docs/configuration.md") }

    /// What stands between the markers; nil without them.
    static func section(of page: String) -> String? {
        range(in: page).map { String(page[$0]) }
    }

    /// The page with `section` between the markers; nil without them.
    static func replacingSection(of page: String, with section: String) -> String? {
        range(in: page).map { page.replacingCharacters(in: $0, with: section) }
    }

    private static func range(in page: String) -> Range<String.Index>? {
        guard let begin = page.range(of: begin), let end = page.range(of: end, range: begin.upperBound..<page.endIndex)
        else { return nil }
        return begin.upperBound..<end.lowerBound
    }
}

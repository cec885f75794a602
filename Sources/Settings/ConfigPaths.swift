import Foundation

/// How paths written in the configuration are read.
package enum ConfigPaths {
    /// `path` made absolute: `~` expanded, a relative path taken against `directory` (the
    /// directory of the file it was written in), `.` and `..` resolved.
    package static func absolute(_ path: String, against directory: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
        return ((directory as NSString).appendingPathComponent(expanded) as NSString).standardizingPath
    }
}

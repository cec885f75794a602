import Foundation

/// What the watched files look like now: each file's path, size and modification time, for the
/// config file, `.env` and every file under the watched folders. Two fingerprints differ when a
/// file was added, removed or rewritten.
struct FileFingerprint: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var path: String
        var size: UInt64
        var modified: Date
    }

    private(set) var entries: [Entry]

    /// Reads the files now. Missing files and folders are simply absent.
    init(files: [String], folders: [String]) {
        let manager = FileManager.default
        var entries: [Entry] = []
        func add(_ path: String) {
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { return }
            entries.append(
                Entry(
                    path: path, size: (attributes[.size] as? NSNumber)?.uint64Value ?? 0,
                    modified: attributes[.modificationDate] as? Date ?? .distantPast))
        }
        files.forEach(add)
        for folder in folders {
            guard let names = manager.enumerator(atPath: folder) else { continue }
            for case let name as String in names { add((folder as NSString).appendingPathComponent(name)) }
        }
        self.entries = entries.sorted { $0.path < $1.path }
    }
}

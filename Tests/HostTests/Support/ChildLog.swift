import Foundation

/// A child's standard error, kept whole while a test waits for lines in it.
final class ChildLog: @unchecked Sendable {
    let child: ChildProcess
    private(set) var text = ""

    init(_ child: ChildProcess) {
        self.child = child
    }

    /// Waits until the log shows `needle` after what was already seen.
    func wait(for needle: String, timeout: Duration = .seconds(30)) async throws {
        text += try await child.waitForLog(returning: needle, timeout: timeout)
    }

    /// Ends the child with SIGTERM; returns its exit status. The log is then complete.
    func stop() async throws -> Int32 {
        child.signal(SIGTERM)
        let (status, _, rest) = try await child.finish()
        text += rest
        return status
    }
}

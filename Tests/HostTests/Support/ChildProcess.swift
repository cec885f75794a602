import Foundation

/// A long-running `paragon-mcp` child process with pipes, for tests that need a real process:
/// signals, stdio, port clashes.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()

    init(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws {
        process.executableURL = URL(fileURLWithPath: TestPaths.executable)
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        env.merge(environment) { _, new in new }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? TestPaths.scratch("child"))
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
    }

    func write(_ text: String) {
        stdin.fileHandleForWriting.write(Data(text.utf8))
    }

    func closeInput() {
        try? stdin.fileHandleForWriting.close()
    }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to exit (at most `timeout`); returns its status and output.
    func finish(timeout: Duration = .seconds(20)) async throws -> (status: Int32, stdout: String, stderr: String) {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw TestFailure("the process did not exit in time")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// Waits until stderr has shown `text` (it is read as it comes, on a Dispatch thread: the
    /// blocking reads must not hold one of the few cooperative threads).
    func waitForLog(_ text: String, timeout: Duration = .seconds(20)) async throws {
        _ = try await waitFor(text, in: stderr, timeout: timeout)
    }

    /// Waits until stderr has shown `text`; returns what it read (consumed: `finish` will not see it).
    func waitForLog(returning text: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await waitFor(text, in: stderr, timeout: timeout)
    }

    /// Waits until stdout has shown `text`; returns what it read (consumed: `finish` will not see it).
    func waitForOutput(_ text: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await waitFor(text, in: stdout, timeout: timeout)
    }

    private func waitFor(_ text: String, in pipe: Pipe, timeout: Duration) async throws -> String {
        let handle = pipe.fileHandleForReading
        let name = pipe === stdout ? "stdout" : "stderr"
        let deadline = ContinuousClock.now + timeout
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<String, any Error>) in
            DispatchQueue.global().async {
                var seen = ""
                while ContinuousClock.now < deadline {
                    // Wait for data at most until the deadline: a read alone would block forever
                    // on a child that stays silent.
                    var poller = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
                    let left = ContinuousClock.now.duration(to: deadline).components
                    let milliseconds = Int32(
                        clamping: max(0, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000))
                    guard poll(&poller, 1, milliseconds) > 0 else { continue }
                    let chunk = handle.availableData
                    if chunk.isEmpty {
                        continuation.resume(throwing: TestFailure("\(name) ended before \"\(text)\": \(seen)"))
                        return
                    }
                    seen += String(decoding: chunk, as: UTF8.self)
                    if seen.contains(text) {
                        continuation.resume(returning: seen)
                        return
                    }
                }
                continuation.resume(throwing: TestFailure("no \"\(text)\" in \(name): \(seen)"))
            }
        }
    }
}

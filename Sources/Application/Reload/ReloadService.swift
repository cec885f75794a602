import Foundation
import Logging
import ServiceLifecycle
import Settings
import UnixSignals

/// The server's life after its listener is up: loads the providers (the server answers 503
/// until then), reloads on SIGHUP and, when configured, on changes of the watched files, and
/// marks the server draining when shutdown begins. List it last in the service group, so that
/// it is the first to hear of shutdown.
struct ReloadService: Service {
    let reloader: ConfigReloader
    /// Returns the port once the listener is up (the sandbox's banner is out by then, before any
    /// line of the providers' loading); nil when it never came up.
    let listening: @Sendable () async -> Int?
    /// Runs once the providers are loaded, with the port (logs where the server listens).
    let onReady: @Sendable (Int) async -> Void

    func run() async throws {
        // No port: the listener never came up (the group is stopping); nothing to load.
        guard let port = await listening() else { return }
        try await reloader.start()
        // Trapped before the server says it is ready: a SIGHUP sent on that word reloads, never
        // ends the process (SIGHUP's default action).
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        await onReady(port)
        let reloader = self.reloader
        await withGracefulShutdownHandler {
            _ = await cancelWhenGracefulShutdown {
                await withDiscardingTaskGroup { group in
                    group.addTask { await reloader.reload(on: hangups) }
                    group.addTask { await Self.reloadOnChange(reloader) }
                }
            }
        } onGracefulShutdown: {
            reloader.server.readiness.set(.draining)
        }
        // Returning ends the service group: only once shutdown has begun.
        try? await gracefulShutdown()
    }

    /// Polls the watched files (cheap: a few stat calls) while `reload.watch` is on.
    private static func reloadOnChange(_ reloader: ConfigReloader) async {
        var last: FileFingerprint?
        while !Task.isCancelled {
            let config = await reloader.config
            let interval = Duration.milliseconds(config.reload.intervalMs)
            guard config.reload.watch else {
                last = nil
                try? await Task.sleep(for: interval)
                continue
            }
            let now = Self.fingerprint(config)
            if let previous = last, now != previous {
                // Let an editor finish writing before reading.
                try? await Task.sleep(for: .milliseconds(100))
                await reloader.reload(reason: "a watched file changed")
                last = Self.fingerprint(await reloader.config)
            } else {
                last = now
            }
            try? await Task.sleep(for: interval)
        }
    }

    private static func fingerprint(_ config: HostConfig) -> FileFingerprint {
        let dotEnv = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(".env")
        return FileFingerprint(files: [config.file, dotEnv].compactMap { $0 }, folders: config.reload.paths)
    }
}

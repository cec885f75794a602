import Foundation
import JWTKit
import Settings

extension ConfigLoader {
    /// Fills defaults that depend on other values and checks what cannot be checked alone.
    func validate(_ config: inout HostConfig, _ reader: inout ConfigReader) {
        // Without a Paragon project the server runs on the sandbox, which is development only.
        config.server.mode =
            config.server.configuredMode ?? (config.paragon.projectID.isEmpty ? .development : .production)
        if config.server.host.isEmpty {
            config.server.host = config.server.mode == .development ? "127.0.0.1" : "0.0.0.0"
        }
        if config.server.maxConnections == 0 { config.server.maxConnections = Self.defaultMaxConnections() }
        config.server.publicURLIsConfigured = !config.server.publicURL.isEmpty
        if config.server.publicURL.isEmpty {
            config.server.publicURL = "http://localhost:\(config.server.port)"
        }
        config.logging.levelIsExplicit = !config.logging.level.isEmpty
        if config.logging.level.isEmpty {
            config.logging.level = config.server.mode == .development ? "debug" : "info"
        }
        if let pem = config.paragon.signingKeyPEM {
            do {
                _ = try Insecure.RSA.PrivateKey(pem: pem)
            } catch {
                reader.report(
                    ConfigError(
                        .invalidValue, at: config.paragon.signingKeyLocation,
                        key: "paragon.signing_key",
                        "the signing key is not a PEM-encoded RSA private key"))
            }
        } else if !config.paragon.projectID.isEmpty {
            reader.report(
                ConfigError(
                    .missing, at: .none, key: "paragon.signing_key",
                    "a Paragon project is configured (PROJECT_ID) but no signing key: set "
                        + "SIGNING_KEY or SIGNING_KEY_PATH, or paragon.signing_key_path in config.yaml"))
        }
    }

    /// Three quarters of the process's open-file limit (the rest is left for upstream
    /// connections, files and the listener), at least 64.
    static func defaultMaxConnections() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else {
            return 10_000
        }
        return max(64, min(Int(clamping: limit.rlim_cur) / 4 * 3, 1_000_000))
    }
}

import Foundation
import Synchronization

/// A real RSA key, made once per test run with openssl.
enum TestKeys {
    private static let cached = Mutex<String?>(nil)

    static func privateKeyPEM() throws -> String {
        if let pem = cached.withLock({ $0 }) { return pem }
        let path = TestPaths.scratch("rsa") + "/key.pem"
        let result = try Subprocess.run(
            "/usr/bin/openssl",
            [
                "genpkey", "-algorithm", "RSA", "-pkeyopt",
                "rsa_keygen_bits:2048", "-out", path,
            ])
        guard result.status == 0 else { throw CCompiler.CompileError(message: "openssl: \(result.stderr)") }
        let pem = try String(contentsOfFile: path, encoding: .utf8)
        cached.withLock { $0 = pem }
        return pem
    }
}

import Foundation

/// A real RSA key, made once per test run with openssl (a lazy static: one key, whichever
/// test asks first, however many ask at once).
enum TestKeys {
    private static let generated: Result<String, any Error> = Result { try generate() }

    static func privateKeyPEM() throws -> String { try generated.get() }

    private static func generate() throws -> String {
        let path = TestPaths.scratch("rsa") + "/key.pem"
        let result = try Subprocess.run(
            "/usr/bin/openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", path])
        guard result.status == 0 else { throw CCompiler.CompileError(message: "openssl: \(result.stderr)") }
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}

import Foundation
import Settings

extension ConfigLoader {
    /// The signing key: the first of `SIGNING_KEY_PATH` and `paragon.signing_key_path` (a PEM
    /// file, relative to the config file's folder), then of `SIGNING_KEY` and
    /// `paragon.signing_key` (the PEM itself), the environment before the file. Literal `\n`
    /// sequences become newlines. `map` is config.yaml's `paragon:`.
    func readSigningKey(_ map: [String: ConfigNode], into settings: inout ParagonSettings, _ reader: inout ConfigReader)
    {
        let (file, inline) = (ParagonSettings.signingKeyPath, ParagonSettings.signingKey)
        if let found = environment.text(of: file) ?? reader.text(of: file, in: map) {
            let resolved = ConfigPaths.absolute(found.text, against: directoryForRelativePaths)
            if let data = FileManager.default.contents(atPath: resolved) {
                settings.signingKeyPEM = Self.unescapeNewlines(String(decoding: data, as: UTF8.self))
                settings.signingKeyLocation = found.location
            } else {
                reader.report(
                    ConfigError(
                        .unreadableFile, at: found.location, key: found.name,
                        "cannot read the signing key file \(resolved)"))
            }
        } else if let found = environment.text(of: inline) ?? reader.text(of: inline, in: map) {
            settings.signingKeyPEM = Self.unescapeNewlines(found.text)
            settings.signingKeyLocation = found.location
        }
    }
}

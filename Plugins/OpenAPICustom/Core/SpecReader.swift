import Foundation
import ProviderKit
import YAMLJSON

/// A spec file's text as JSON: JSON files by JSONCore's parser, YAML files with YAML 1.2's
/// scalar rules (``YAMLJSON``: `yes`, `0755` and `2022-11-28` stay strings), which OpenAPI
/// prescribes (OAS 3.0.3 §4.3, 3.1 §4.3).
enum SpecReader {
    static func read(_ data: Data, yaml: Bool, file: String) -> Result<JSONValue, Diagnostic> {
        if !yaml {
            do {
                return .success(try JSONValue.parse(Array(data)))
            } catch {
                return .failure(Diagnostic(severity: .error, file: file, path: "", message: "not valid JSON: \(error)"))
            }
        }
        do {
            return .success(try YAMLJSON.parse(String(decoding: data, as: UTF8.self)))
        } catch {
            return .failure(Diagnostic(severity: .error, file: file, path: "", message: "not valid YAML: \(error)"))
        }
    }
}

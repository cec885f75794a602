import ProviderKit
import Testing

/// Providers' boolean settings, read by ProviderKit's ``ConfigFlag`` in every provider.
@Suite struct ConfigFlagTests {
    /// Provider settings take the booleans the host's settings take.
    @Test func flagsReadAsTheHostsBooleans() throws {
        for text in ["true", "yes", "On", "1"] { #expect(try ConfigFlag.read(.string(text), key: "k") == true) }
        for text in ["false", "no", "OFF", "0"] { #expect(try ConfigFlag.read(.string(text), key: "k") == false) }
        #expect(try ConfigFlag.read(true, key: "k") == true)
        #expect(try ConfigFlag.read(0, key: "k") == false)
        #expect(try ConfigFlag.read(nil, key: "k") == nil)
        #expect(try ConfigFlag.read(.null, key: "k") == nil)
        #expect(
            throws: ProviderError.toolError(
                #"providers.openapi.config.output_schema: expected true or false, found "maybe""#)
        ) {
            try ConfigFlag.read("maybe", key: "providers.openapi.config.output_schema")
        }
    }
}

import JSONCore
import Testing
import YAMLJSON

/// YAML 1.2 scalar rules (JSON schema plus the core schema's forms), each class of scalar.
@Suite struct YAMLScalarTests {
    @Test(arguments: ["", "~", "null", "Null", "NULL"])
    func nulls(_ text: String) { #expect(YAMLJSON.scalar(text) == .null) }

    @Test(arguments: [
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false),
        ("FALSE", false),
    ])
    func booleans(_ text: String, _ value: Bool) { #expect(YAMLJSON.scalar(text) == .bool(value)) }

    @Test(arguments: [
        ("0", 0), ("-0", 0), ("+12", 12), ("42", 42), ("-17", -17), ("0o17", 15), ("0x1F", 31),
        ("0xff", 255),
    ])
    func integers(_ text: String, _ value: Int) { #expect(YAMLJSON.scalar(text) == .integer(value)) }

    @Test(arguments: [
        ("1.5", 1.5), ("-0.25", -0.25), ("1e3", 1000), ("2.5E-1", 0.25), (".5", 0.5), ("+3.", 3),
        ("0.0", 0),
    ])
    func numbers(_ text: String, _ value: Double) { #expect(YAMLJSON.scalar(text) == .number(value)) }

    /// YAML 1.1's booleans, octal-looking and underscored numbers, dates, sexagesimals, and
    /// what JSON cannot hold, are strings.
    @Test(arguments: [
        "yes", "no", "Yes", "NO", "on", "off", "On", "OFF", "y", "n", "0755", "007", "1_000", "2022-11-28",
        "2001-12-14t21:59:43.10-05:00", "12:30", "190:20:30", ".inf", "-.inf", ".NaN", "0b101", "00.5",
        "1.2.3", "maybe", "0x", "0o8", "+", "-", "1e", "e3",
    ])
    func strings(_ text: String) { #expect(YAMLJSON.scalar(text) == .string(text)) }

    @Test func integersBeyondIntAreNumbers() {
        #expect(YAMLJSON.scalar("123456789012345678901234") == .number(123456789012345678901234))
    }
}

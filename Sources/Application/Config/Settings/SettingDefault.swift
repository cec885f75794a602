/// A setting's value when nothing sets it.
enum SettingDefault<Value: Sendable>: Sendable {
    /// Set before config.yaml is read; the reference shows it as its ``SettingType`` does.
    case value(Value)
    /// Left as the value type's empty value and computed once everything is read (see
    /// ``ConfigLoader/validate(_:_:)``), or no value at all: `text` says which, for the reference
    /// (`` `127.0.0.1` in development, `0.0.0.0` in production ``).
    case derived(String)
}

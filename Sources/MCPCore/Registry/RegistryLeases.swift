/// Who is using a registry, and its retirement: a value type returning what to do, so that
/// a retired registry is shut down exactly when its last request ends (no polling).
package struct RegistryLeases: Sendable {
    /// Requests using the registry now.
    package private(set) var count = 0
    private var retiring = false

    package init() {}

    package mutating func acquire() {
        count += 1
    }

    /// One request ended; true when it was the last of a retired registry (shut it down now).
    package mutating func release() -> Bool {
        count -= 1
        return retiring && count == 0
    }

    /// The registry is retired; true when no request uses it (shut it down now), else the
    /// last ``release()`` says when.
    package mutating func retire() -> Bool {
        retiring = true
        return count == 0
    }
}

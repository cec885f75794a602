import Synchronization

/// Process-wide call ids: never 0, never reused (the ABI promises both).
enum CallIDs {
    private static let counter = Atomic<UInt64>(0)

    static func next() -> UInt64 {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }
}

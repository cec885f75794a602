import Testing

@testable import MCPCore

/// A retired registry is shut down exactly when its last request ends.
@Suite struct RegistryLeasesTests {
    @Test func retirementWaitsForTheLastLease() {
        var leases = RegistryLeases()
        leases.acquire()
        leases.acquire()
        let now = leases.retire()
        #expect(!now, "requests still use the registry")
        let first = leases.release()
        #expect(!first)
        let last = leases.release()
        #expect(last, "the last request of a retired registry shuts it down")
    }

    @Test func anIdleRegistryRetiresAtOnceAndReleasesBeforeRetirementSayNothing() {
        var leases = RegistryLeases()
        leases.acquire()
        let early = leases.release()
        #expect(!early, "a registry still serving is not shut down")
        let now = leases.retire()
        #expect(now)
    }
}

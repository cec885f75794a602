import NIOCore
import Observability
import Synchronization

/// Answers provider calls whose deadline has passed: one sweep over the waiting calls of every
/// watched instance each `interval`, rather than a timer per call (scheduling and cancelling
/// one costs two cross-thread wake-ups on every call). A deadline is thus met within
/// `interval`. The sweep runs only while some instance is watched: the last `unwatch` (a
/// retired instance) cancels it, so a server without providers keeps no timer.
package final class DeadlineSweeper: Sendable {
    package static let interval = TimeAmount.milliseconds(20)

    private struct State {
        var hosts: [ObjectIdentifier: InstanceHost] = [:]
        var task: RepeatedTask?
        /// shutdown() was called: nothing is watched from then on.
        var stopped = false
    }

    private let loop: any EventLoop
    private let state = Mutex(State())

    package init(loop: any EventLoop) {
        self.loop = loop
    }

    /// Instances watched now.
    package var watchedCount: Int { state.withLock { $0.hosts.count } }

    /// Whether the sweep's timer is armed.
    package var isRunning: Bool { state.withLock { $0.task != nil } }

    package func watch(_ host: InstanceHost) {
        let start = state.withLock { state -> Bool in
            guard !state.stopped else { return false }
            state.hosts[ObjectIdentifier(host)] = host
            return state.task == nil
        }
        guard start else { return }
        let task = loop.scheduleRepeatedTask(initialDelay: Self.interval, delay: Self.interval) { [weak self] _ in
            self?.sweep()
        }
        let surplus = state.withLock { state -> RepeatedTask? in
            if state.task == nil, !state.hosts.isEmpty, !state.stopped {
                state.task = task
                return nil
            }
            return task
        }
        surplus?.cancel()
    }

    package func unwatch(_ host: InstanceHost) {
        let task = state.withLock { state -> RepeatedTask? in
            state.hosts[ObjectIdentifier(host)] = nil
            guard state.hosts.isEmpty else { return nil }
            defer { state.task = nil }
            return state.task
        }
        task?.cancel()
    }

    /// Stops the sweep; instances still watched are no longer swept.
    package func shutdown() {
        let task = state.withLock { state -> RepeatedTask? in
            state.stopped = true
            state.hosts = [:]
            defer { state.task = nil }
            return state.task
        }
        task?.cancel()
    }

    private func sweep() {
        let now = MonotonicClock.nowNanoseconds()
        for host in state.withLock({ Array($0.hosts.values) }) { host.expireOverdueCalls(now: now) }
    }
}

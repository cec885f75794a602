import Synchronization

/// The metrics of one family, one per set of label values, made on first use and then reused:
/// hot paths pay a dictionary lookup, not the collector registry's name and label checks.
package final class LabeledMetrics<Metric: AnyObject & Sendable>: Sendable {
    private let make: @Sendable ([String]) -> Metric
    private let made = Mutex<[[String]: Metric]>([:])

    package init(_ make: @escaping @Sendable ([String]) -> Metric) {
        self.make = make
    }

    /// The metric for these label values, in the order the family names its labels.
    package subscript(_ values: String...) -> Metric {
        if let metric = made.withLock({ $0[values] }) { return metric }
        let metric = make(values)
        return made.withLock { made in
            if let existing = made[values] { return existing }
            made[values] = metric
            return metric
        }
    }
}

import Synchronization

/// Which integration each action belongs to, learnt from listings, so a call's
/// "not connected" answer can name the integration to connect.
final class ActionIndex: Sendable {
    private let integrations = Mutex<[String: String]>([:])

    func record(_ catalog: [String: [ActionKitAction]]) {
        integrations.withLock { index in
            for (integration, actions) in catalog {
                for action in actions { index[action.name] = integration }
            }
        }
    }

    /// The action's integration; for an action never listed, a guess from its name's prefix.
    func integration(of action: String) -> String {
        if let known = integrations.withLock({ $0[action] }) { return known }
        return action.split(separator: Character("_")).first.map { $0.lowercased() } ?? action
    }
}

import Foundation
import Settings

extension ClusterSettings {
    /// `cluster:`: the PostgreSQL database shared by the instances of one deployment.
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "cluster.database_url", variable: "DATABASE_URL", SettingType<String>.postgresURL, default: .value(""),
            "PostgreSQL URL of cluster mode (`postgres://user:password@host:5432/db`); empty: one instance, in memory"
        ) { config, url, _ in
            config.cluster.databaseURL = url.isEmpty ? nil : url
        }
    ]
}

extension SettingType where Value == String {
    /// A `postgres://` or `postgresql://` URL with a host, or empty.
    static var postgresURL: SettingType {
        string.checked { text in
            guard !text.isEmpty else { return [] }
            guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? ""),
                let host = url.host, !host.isEmpty
            else { return ["expected a postgres://user:password@host:port/database URL"] }
            return []
        }
    }
}

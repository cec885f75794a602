import Serving
import Settings

extension SetupSettings {
    /// `setup:`: the setup pages.
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "setup.csp_extra_sources",
            SettingType<[String]>.list.checked { sources in
                sources.filter { !ContentSecurityPolicy.isHostSource($0) }.map {
                    "\"\($0)\" is not a Content-Security-Policy source (https://host, https://*.example.com)"
                }
            }, default: .value([]), "more sources for the setup page's Content-Security-Policy",
            at: \.setup.cspExtraSources)
    ]
}

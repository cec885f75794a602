import Settings

extension ParagonSettings {
    /// `paragon:`: the project, its signing key, and where Paragon's services are.
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "paragon.project_id", variable: "PROJECT_ID", .string, default: .value(""), "your Paragon project",
            at: \.paragon.projectID),
        signingKey,
        signingKeyPath,
        SettingDeclaration(
            "paragon.actionkit_url", variable: "ACTIONKIT_BASE_URL", .url,
            default: .value("https://actionkit.useparagon.com"), "ActionKit's API", at: \.paragon.actionKitURL),
        SettingDeclaration(
            "paragon.zeus_url", variable: "ZEUS_BASE_URL", .url, default: .value("https://zeus.useparagon.com"),
            "Zeus, the project's integrations and credentials", at: \.paragon.zeusURL),
        SettingDeclaration(
            "paragon.proxy_url", variable: "PROXY_BASE_URL", .url, default: .value("https://proxy.useparagon.com"),
            "the Proxy API", at: \.paragon.proxyURL),
        SettingDeclaration(
            "paragon.connect_sdk_url", variable: "CONNECT_SDK_CDN_URL", .url,
            default: .value("https://cdn.useparagon.com/latest/sdk/index.js"),
            "the Connect SDK the setup page loads", at: \.paragon.connectSDKURL),
    ]

    /// The key inline. Read by hand: see ``signingKeyPath``, which wins over it.
    static let signingKey = SettingDeclaration<HostConfig>.handWritten(
        "paragon.signing_key", variable: "SIGNING_KEY", default: "(none)",
        description: "RSA private key PEM; literal `\\n` sequences become newlines",
        readBy: "`ConfigLoader.readSigningKey`")

    /// The key in a file. Read by hand: the first of `SIGNING_KEY_PATH`,
    /// `paragon.signing_key_path`, `SIGNING_KEY` and `paragon.signing_key` is the key.
    static let signingKeyPath = SettingDeclaration<HostConfig>.handWritten(
        "paragon.signing_key_path", variable: "SIGNING_KEY_PATH", default: "(none)",
        description: "a PEM file; wins over `SIGNING_KEY`", readBy: "`ConfigLoader.readSigningKey`")
}

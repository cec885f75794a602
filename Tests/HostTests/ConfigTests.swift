import Foundation
import Testing

@testable import Application
@testable import PluginRuntime

@Suite struct ConfigTests {
    @Test func defaultsWithoutAFile() throws {
        let config = try ConfigLoader(file: nil, environment: ConfigEnvironment(process: [:])).load()
        // No Paragon project: development, on the sandbox, bound to loopback.
        #expect(config.server.mode == .development)
        #expect(config.server.port == 3001)
        #expect(config.server.publicURL == "http://localhost:3001")
        #expect(config.server.host == "127.0.0.1")
        #expect(config.toolLists.pageSize == 500 && config.toolLists.cacheTTLSeconds == 300)
        #expect(config.server.setupLinkTTLSeconds == 300)
        #expect(config.server.legacySSE)
        #expect(config.server.maxSessions == 1000)
        #expect(config.server.sessionIdleTimeoutMs == 1_800_000)
        #expect(config.enabledProviders.map(\.name) == ["actionkit"])
        #expect(config.providers.map(\.name) == ["actionkit", "openapi", "proxy"])
        #expect(config.paragon.actionKitURL == "https://actionkit.useparagon.com")
    }

    @Test func aParagonProjectMakesProductionTheDefault() throws {
        let environment = ["PROJECT_ID": "p", "SIGNING_KEY": try TestKeys.privateKeyPEM()]
        let config = try ConfigLoader(file: nil, environment: ConfigEnvironment(process: environment)).load()
        #expect(config.server.mode == .production)
        #expect(config.server.host == "0.0.0.0")
        let development = try TestConfig.load("server: {mode: development}", environment: environment)
        #expect(development.server.mode == .development)
        let listed = try TestConfig.load(
            "tool_lists: {page_size: 50, cache_ttl_seconds: 0}",
            environment: ["TOOL_LIST_PAGE_SIZE": "25", "SETUP_LINK_TTL_SECONDS": "60"])
        #expect(listed.toolLists.pageSize == 25 && listed.toolLists.cacheTTLSeconds == 0)
        #expect(listed.server.setupLinkTTLSeconds == 60)
        #expect(TestConfig.errors("tool_lists: {page_size: 0}").map(\.key) == ["tool_lists.page_size"])
    }

    @Test func theShippedConfigIsValidAndMinimal() throws {
        let file = TestPaths.packageRoot + "/config.yaml"
        let config = try ConfigLoader(file: file, environment: ConfigEnvironment(process: [:])).load()
        #expect(config.enabledProviders.map(\.name) == ["actionkit"])
        #expect(Set(config.providers.map(\.name)) == ["actionkit", "openapi", "proxy"])
        #expect(config.paragon.projectID.isEmpty)
    }

    /// config.yaml is read with YAML 1.2 scalars: what YAML 1.1 turned into booleans, octal
    /// numbers and timestamps stays text in a provider's own settings.
    @Test func providerSettingsAreReadWithYAML12Scalars() throws {
        let config = try TestConfig.load(
            """
            providers:
              proxy:
                config:
                  answers: [yes, no, maybe, on, off, NO, y]
                  mode: 0755
                  since: 2022-11-28
                  when: 2001-12-14t21:59:43.10-05:00
                  limit: 12
                  ratio: 0.5
                  strict: true
                  loud: False
                  nothing: ~
                  quoted: "true"
                  hex: 0x1F
            """)
        let settings = try #require(config.providers.first { $0.name == "proxy" }?.config)
        #expect(settings["answers"] == ["yes", "no", "maybe", "on", "off", "NO", "y"])
        #expect(settings["mode"] == "0755")
        #expect(settings["since"] == "2022-11-28")
        #expect(settings["when"] == "2001-12-14t21:59:43.10-05:00")
        #expect(settings["limit"] == 12 && settings["ratio"] == 0.5)
        #expect(settings["strict"] == true && settings["loud"] == false)
        #expect(settings["nothing"] == .null && settings["quoted"] == "true" && settings["hex"] == 31)
    }

    @Test func unknownKeysAreErrorsWithLineColumnAndSuggestion() {
        let errors = TestConfig.errors(
            """
            server:
              port: 3001
              legacy_see: false
            providers:
              proxy:
                enabeld: true
            """)
        #expect(errors.count == 2)
        #expect(errors[0].key == "server.legacy_see")
        #expect(errors[0].location.description.hasSuffix("config.yaml:3:3"))
        #expect(errors[0].kind == .unknownKey(suggestion: "legacy_sse"))
        #expect(errors[1].key == "providers.proxy.enabeld")
        #expect(errors[1].location.description.hasSuffix("config.yaml:6:5"))
        #expect("\(errors[1])".contains("did you mean 'enabled'?"))
    }

    @Test func wrongTypesNameTheKey() {
        let errors = TestConfig.errors(
            """
            server:
              port: many
              max_sessions: [1]
            limits:
              tools: {a: 1}
            """)
        #expect(errors.map(\.key) == ["server.port", "server.max_sessions", "limits.tools"])
        #expect(errors[0].location.description.hasSuffix(":2:9"))
        #expect("\(errors[0])".contains("expected a whole number, found \"many\""))
    }

    @Test func yamlSyntaxErrorsHaveAPlace() {
        let errors = TestConfig.errors("server:\n  port: [3001\nlimits: {}\n")
        #expect(errors.count == 1)
        #expect(errors[0].kind == .syntax)
        if case .file(_, let line, _) = errors[0].location { #expect(line >= 2) } else { Issue.record("no line") }
    }

    @Test(arguments: [
        ("true", true), ("false", false), ("yes", true), ("no", false), ("1", true), ("0", false),
        ("TRUE", true), ("Off", false),
    ])
    func booleansMeanWhatTheySay(text: String, value: Bool) throws {
        let config = try TestConfig.load("server: {legacy_sse: \(text)}")
        #expect(config.server.legacySSE == value)
        let fromEnvironment = try TestConfig.load("", environment: ["ENABLE_PROXY_API_TOOL": text])
        #expect(fromEnvironment.providers.first { $0.name == "proxy" }?.enabled == value)
    }

    @Test func anythingElseIsNotABoolean() {
        // The TypeScript server turns a feature on for any non-empty value, "false" included.
        let errors = TestConfig.errors(
            "",
            environment: [
                "ENABLE_CUSTOM_OPENAPI_ACTIONS": "maybe",
                "ENABLE_LEGACY_SSE": "nope",
            ])
        #expect(Set(errors.map(\.key)) == ["ENABLE_CUSTOM_OPENAPI_ACTIONS", "ENABLE_LEGACY_SSE"])
        #expect(errors.allSatisfy { "\($0)".contains("environment variable") })
        #expect(TestConfig.errors("server: {legacy_sse: maybe}").map(\.key) == ["server.legacy_sse"])
    }

    @Test func environmentOverridesTheFile() throws {
        let config = try TestConfig.load(
            """
            server: {port: 4000, mode: development, public_url: "http://file.example"}
            limits: {integrations: [slack]}
            """,
            environment: [
                "PORT": "5000", "NODE_ENV": "production", "MCP_SERVER_URL": "https://mcp.example.com",
                "LIMIT_TO_INTEGRATIONS": " hubspot , salesforce,, ", "LIMIT_TO_TOOLS": "A,B",
                "MCP_ALLOWED_HOSTS": "a.example:443,b.example", "MCP_MAX_SESSIONS": "7",
                "MCP_SESSION_IDLE_TIMEOUT_MS": "20", "ENABLE_LEGACY_SSE": "false",
                "ENABLE_PROXY_API_TOOL": "true", "ENABLE_CUSTOM_OPENAPI_ACTIONS": "yes",
                "ACTIONKIT_BASE_URL": "http://127.0.0.1:9999", "PROJECT_ID": "",
            ])
        #expect(config.server.port == 5000)
        #expect(config.server.mode == .production)
        #expect(config.server.publicURL == "https://mcp.example.com")
        #expect(config.limits.integrations == ["hubspot", "salesforce"])
        #expect(config.limits.tools == ["A", "B"])
        #expect(config.server.allowedHosts == ["a.example:443", "b.example"])
        #expect(config.server.maxSessions == 7)
        #expect(config.server.sessionIdleTimeoutMs == 20)
        #expect(!config.server.legacySSE)
        #expect(config.enabledProviders.map(\.name) == ["actionkit", "openapi", "proxy"])
        #expect(config.paragon.actionKitURL == "http://127.0.0.1:9999")
        #expect(config.paragon.projectID.isEmpty)
    }

    @Test func emptyVariablesOverrideNothing() throws {
        let config = try TestConfig.load("", environment: ["MCP_SERVER_URL": "", "ENABLE_LEGACY_SSE": "", "PORT": ""])
        #expect(config.server.publicURL == "http://localhost:3001")
        #expect(config.server.legacySSE)
    }

    @Test func invalidEnvironmentValuesAreRefused() {
        let errors = TestConfig.errors(
            "",
            environment: [
                "NODE_ENV": "staging", "MCP_MAX_SESSIONS": "0", "PORT": "70000", "ZEUS_BASE_URL": "zeus",
            ])
        #expect(Set(errors.map(\.key)) == ["NODE_ENV", "MCP_MAX_SESSIONS", "PORT", "ZEUS_BASE_URL"])
    }

    @Test func dotEnvIsReadUnderTheProcessEnvironment() throws {
        let dotEnv = """
            # comment
            export PORT=4100
            LIMIT_TO_TOOLS="X,Y" # not part of the value
            MCP_SERVER_URL='https://quoted.example'
            NODE_ENV=development
            """
        let config = try TestConfig.load("", environment: ["NODE_ENV": "production"], dotEnv: dotEnv)
        #expect(config.server.port == 4100)
        #expect(config.limits.tools == ["X", "Y"])
        #expect(config.server.publicURL == "https://quoted.example")
        #expect(config.server.mode == .production)
    }

    @Test func dotEnvErrorsNameTheFileAndLine() throws {
        #expect(throws: ConfigError.self) { try DotEnv.parse("A=1\nnot a line\n", path: "/x/.env") }
        let errors = TestConfig.errors("", environment: [:])
        #expect(errors.isEmpty)
        do {
            _ = try TestConfig.load("", dotEnv: "ENABLE_PROXY_API_TOOL=perhaps\n")
            Issue.record("expected an error")
        } catch let error as ConfigErrors {
            #expect("\(error)".contains(".env:1:1"))
        }
    }

    @Test func interpolationUsesTheEnvironmentAndDefaults() throws {
        let config = try TestConfig.load(
            """
            server: {port: "${APP_PORT:-4321}", public_url: "https://${DOMAIN}/base"}
            paragon: {project_id: "${UNSET_PROJECT}"}
            """, environment: ["DOMAIN": "mcp.example.org"])
        #expect(config.server.port == 4321)
        #expect(config.server.publicURL == "https://mcp.example.org/base")
        #expect(config.paragon.projectID.isEmpty)
        #expect(TestConfig.errors("paragon: {project_id: \"${BAD NAME}\"}").count == 1)
    }

    @Test func signingKeyWithEscapedNewlinesAndPathPrecedence() throws {
        let pem = try TestKeys.privateKeyPEM()
        let escaped = pem.replacingOccurrences(of: "\n", with: "\\n")
        let fromVariable = try TestConfig.load("", environment: ["SIGNING_KEY": escaped, "PROJECT_ID": "p"])
        #expect(fromVariable.paragon.signingKeyPEM == pem)

        let directory = TestPaths.scratch("keys")
        try pem.write(toFile: directory + "/key.pem", atomically: true, encoding: .utf8)
        let fromPath = try TestConfig.load(
            "",
            environment: [
                "SIGNING_KEY": "garbage", "SIGNING_KEY_PATH": directory + "/key.pem", "PROJECT_ID": "p",
            ])
        #expect(fromPath.paragon.signingKeyPEM == pem)
    }

    @Test func badKeysAreRefused() {
        let unreadable = TestConfig.errors("", environment: ["SIGNING_KEY_PATH": "/nonexistent/key.pem"])
        #expect(unreadable.map(\.kind) == [.unreadableFile])
        let notRSA = TestConfig.errors("paragon: {signing_key: \"-----BEGIN PRIVATE KEY-----\\nAAAA\\n\"}")
        #expect(notRSA.map(\.key) == ["paragon.signing_key"])
        #expect("\(notRSA[0])".contains("not a PEM-encoded RSA private key"))
        #expect("\(notRSA[0])".contains("config.yaml:1:"))
        let missing = TestConfig.errors("", environment: ["PROJECT_ID": "abc"])
        #expect(missing.map(\.kind) == [.missing])
    }

    @Test func relativePathsResolveAgainstTheConfigFolder() throws {
        let config = try TestConfig.load(
            """
            provider_search_paths: [plugins]
            providers:
              custom: {library: ./libcustom.so}
            """)
        #expect(config.providerSearchPaths == [config.directory + "/plugins"])
        let locator = LibraryLocator(
            configDirectory: config.directory, searchPaths: config.providerSearchPaths,
            executableDirectory: "/opt/bin")
        #expect(locator.candidates(for: "./libcustom.so") == [config.directory + "/libcustom.so"])
        #expect(
            locator.candidates(for: "ActionKit") == [
                "/opt/bin/libActionKit.so",
                config.directory + "/plugins/libActionKit.so",
            ])
        #expect(locator.candidates(for: "/abs/libx.so") == ["/abs/libx.so"])
    }

    @Test func aCustomProviderNeedsALibrary() {
        let errors = TestConfig.errors("providers:\n  mine:\n    enabled: true\n")
        #expect(errors.map(\.key) == ["providers.mine.library"])
    }
}

import Testing

@testable import Application
@testable import Settings

/// Settings read from their declarations (Sources/Application/Config/Settings) the same way in
/// config.yaml and in the environment, at their declared defaults otherwise.
@Suite struct DeclaredSettingsTests {
    @Test func defaultsComeFromTheDeclarations() throws {
        let config = try UnitConfig.load("providers: {mine: {library: ./libmine.so}}")
        #expect(config.reload.paths == ["/unit/openapi"] && config.reload.intervalMs == 1000 && !config.reload.watch)
        #expect(config.metrics.enabled && config.metrics.port == nil && config.metrics.host == nil)
        #expect(config.server.callTimeoutMs == 60_000 && config.toolLists.cacheMaxUsers == 10_000)
        #expect(config.logging.level == "debug" && config.logging.format == .text)
        for provider in config.providers {
            #expect(provider.http.timeoutMs == 30_000 && provider.http.maxResponseBytes == 10 << 20)
        }
        #expect(config.providers.last?.name == "mine" && config.providers.last?.enabled == true)
    }

    @Test func optionalAndResolvedSettings() throws {
        let config = try UnitConfig.load(
            "metrics: {host: 127.0.0.2}\nreload: {paths: [specs, /abs]}\nprovider_search_paths: lib",
            environment: ["METRICS_PORT": "9100", "LOG_LEVEL": "warning"])
        #expect(config.metrics.port == 9100 && config.metrics.host == "127.0.0.2")
        #expect(config.reload.paths == ["/unit/specs", "/abs"])
        #expect(config.providerSearchPaths == ["/unit/lib"])
        #expect(config.logging.level == "warning" && config.logging.levelIsExplicit)
    }

    @Test func aProviderSettingIsReportedUnderItsProvider() {
        let errors = UnitConfig.errors("providers: {proxy: {http: {timeout_ms: 0, max_response_bytes: x}}}")
        #expect(errors.map(\.key) == ["providers.proxy.http.timeout_ms", "providers.proxy.http.max_response_bytes"])
        #expect(errors.first?.message == "0 is out of range (1 to 3600000)")
    }

    @Test func aChoiceNamesWhatItExpects() {
        let file = UnitConfig.errors("logging: {level: loud, format: xml}")
        #expect(
            file.map(\.message) == [
                "expected one of trace, debug, info, notice, warning, error, critical, found \"loud\"",
                "expected text or json, found \"xml\"",
            ])
        let environment = UnitConfig.errors("", environment: ["LOG_LEVEL": "loud", "NODE_ENV": "staging"])
        #expect(
            Set(environment.map(\.message)) == [
                "expected one of trace, debug, info, notice, warning, error, critical, found \"loud\"",
                "expected development or production, found \"staging\"",
            ])
    }

    @Test func checkedValuesAreReportedWhereTheyWereWritten() {
        let errors = UnitConfig.errors(
            "setup:\n  csp_extra_sources: [ftp://x]\nparagon:\n  zeus_url: zeus\n",
            environment: ["PROXY_BASE_URL": "proxy"])
        #expect(errors.map(\.key) == ["paragon.zeus_url", "setup.csp_extra_sources", "PROXY_BASE_URL"])
        #expect(
            errors.map(\.location.description) == [
                "/unit/config.yaml:4:13", "/unit/config.yaml:2:22", "environment variable PROXY_BASE_URL",
            ])
    }

    @Test func authorizationServersAreIssuerURLs() throws {
        #expect(try UnitConfig.load("").auth.authorizationServers == [])
        let file = try UnitConfig.load(
            "auth:\n  authorization_servers: [https://auth.example.com, http://localhost:9000/realms/mcp]")
        #expect(file.auth.authorizationServers == ["https://auth.example.com", "http://localhost:9000/realms/mcp"])
        let environment = try UnitConfig.load(
            "auth: {authorization_servers: [https://ignored.example.com]}",
            environment: ["MCP_AUTHORIZATION_SERVERS": "https://a.example.com, https://b.example.com/t"])
        #expect(environment.auth.authorizationServers == ["https://a.example.com", "https://b.example.com/t"])

        let errors = UnitConfig.errors(
            "server:\n  port: 3001\nauth:\n  authorization_servers:\n    - http://auth.example.com\n    - https://a.example.com?x=1\n",
            environment: ["MCP_AUTHORIZATION_SERVERS": "auth.example.com"])
        #expect(
            errors.map(\.key) == [
                "auth.authorization_servers", "auth.authorization_servers", "MCP_AUTHORIZATION_SERVERS",
            ])
        #expect(
            errors.map(\.location.description) == [
                "/unit/config.yaml:5:5", "/unit/config.yaml:5:5", "environment variable MCP_AUTHORIZATION_SERVERS",
            ])
        #expect(
            errors.first?.description
                == "/unit/config.yaml:5:5: auth.authorization_servers: \"http://auth.example.com\" is not an issuer URL "
                + "(https://auth.example.com; http only for localhost)")
    }
}
